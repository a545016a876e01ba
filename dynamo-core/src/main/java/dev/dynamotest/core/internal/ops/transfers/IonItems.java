package dev.dynamotest.core.internal.ops.transfers;

import com.amazon.ion.IonBlob;
import com.amazon.ion.IonBool;
import com.amazon.ion.IonDecimal;
import com.amazon.ion.IonException;
import com.amazon.ion.IonFloat;
import com.amazon.ion.IonInt;
import com.amazon.ion.IonList;
import com.amazon.ion.IonStruct;
import com.amazon.ion.IonSystem;
import com.amazon.ion.IonText;
import com.amazon.ion.IonType;
import com.amazon.ion.IonValue;
import com.amazon.ion.IonWriter;
import com.amazon.ion.system.IonSystemBuilder;
import com.amazon.ion.system.IonTextWriterBuilder;
import dev.dynamotest.core.internal.Numbers;
import dev.dynamotest.core.model.AttributeValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB's Amazon Ion form of items, as exports write it and imports read it: S as string, N as decimal, B as
 * blob, BOOL as bool, NULL as null, M as struct, L as list, and the sets as lists annotated
 * {@code $dynamodb_SS}, {@code $dynamodb_NS} or {@code $dynamodb_BS}. Each line is {@code $ion_1_0 {...}}.
 */
public final class IonItems {

    /** The Ion version marker that starts every line of an export. */
    public static final String VERSION_MARKER = "$ion_1_0";

    private static final IonSystem ION = IonSystemBuilder.standard().build();

    private IonItems() {
    }

    /** A nested struct of an export line: fields that are items, decimals or structs, in order. */
    public record Struct(Map<String, Object> fields) {
    }

    /** One line: the version marker and a struct whose fields are items, decimals or {@link Struct}s, in order. */
    public static String line(Map<String, Object> fields) {
        StringBuilder out = new StringBuilder(VERSION_MARKER).append(' ');
        try (IonWriter writer = IonTextWriterBuilder.minimal().build(out)) {
            writeField(writer, new Struct(fields));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void writeField(IonWriter writer, Object value) throws IOException {
        if (value instanceof Struct struct) {
            writer.stepIn(IonType.STRUCT);
            for (Map.Entry<String, Object> field : struct.fields().entrySet()) {
                writer.setFieldName(field.getKey());
                writeField(writer, field.getValue());
            }
            writer.stepOut();
        } else if (value instanceof Map<?, ?> item) {
            writeItem(writer, (Map<String, AttributeValue>) item);
        } else if (value instanceof BigDecimal decimal) {
            writer.writeDecimal(decimal);
        } else {
            throw new IllegalArgumentException("not an Ion export field: " + value);
        }
    }

    private static void writeItem(IonWriter writer, Map<String, AttributeValue> item) throws IOException {
        writer.stepIn(IonType.STRUCT);
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            writer.setFieldName(e.getKey());
            write(writer, e.getValue());
        }
        writer.stepOut();
    }

    private static void write(IonWriter writer, AttributeValue value) throws IOException {
        if (value instanceof AttributeValue.S s) {
            writer.writeString(s.value());
        } else if (value instanceof AttributeValue.N n) {
            writer.writeDecimal(decimal(n.value()));
        } else if (value instanceof AttributeValue.B b) {
            writer.writeBlob(b.unsafeBytes());
        } else if (value instanceof AttributeValue.BOOL b) {
            writer.writeBool(b.value());
        } else if (value instanceof AttributeValue.NULL) {
            writer.writeNull();
        } else if (value instanceof AttributeValue.M m) {
            writeItem(writer, m.value());
        } else if (value instanceof AttributeValue.L l) {
            writer.stepIn(IonType.LIST);
            for (AttributeValue element : l.value()) {
                write(writer, element);
            }
            writer.stepOut();
        } else if (value instanceof AttributeValue.SS ss) {
            writer.setTypeAnnotations("$dynamodb_SS");
            writer.stepIn(IonType.LIST);
            for (String s : ss.value()) {
                writer.writeString(s);
            }
            writer.stepOut();
        } else if (value instanceof AttributeValue.NS ns) {
            writer.setTypeAnnotations("$dynamodb_NS");
            writer.stepIn(IonType.LIST);
            for (String n : ns.value()) {
                writer.writeDecimal(decimal(n));
            }
            writer.stepOut();
        } else if (value instanceof AttributeValue.BS bs) {
            writer.setTypeAnnotations("$dynamodb_BS");
            writer.stepIn(IonType.LIST);
            for (byte[] b : bs.value()) {
                writer.writeBlob(b);
            }
            writer.stepOut();
        }
    }

    /** DynamoDB writes a number's decimal without trailing zeros: {@code 600} is {@code 6d2}, {@code 103} is {@code 103.}. */
    private static BigDecimal decimal(String canonical) {
        BigDecimal value = new BigDecimal(canonical);
        return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    /** The top-level values of an Ion text or binary document (version markers are not values). */
    public static List<IonValue> values(byte[] document) {
        List<IonValue> values = new ArrayList<>();
        for (IonValue value : ION.getLoader().load(document)) {
            values.add(value);
        }
        return values;
    }

    /** The top-level values of Ion text. */
    public static List<IonValue> values(String text) {
        List<IonValue> values = new ArrayList<>();
        for (IonValue value : ION.getLoader().load(text)) {
            values.add(value);
        }
        return values;
    }

    /** An item from an Ion struct; fails with {@link IllegalArgumentException} on what DynamoDB cannot hold. */
    public static Map<String, AttributeValue> item(IonValue value) {
        if (!(value instanceof IonStruct struct) || value.isNullValue()) {
            throw new IllegalArgumentException("an item must be an Ion struct, not " + value.getType());
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (IonValue field : struct) {
            if (item.put(field.getFieldName(), attribute(field)) != null) {
                throw new IllegalArgumentException("duplicate attribute " + field.getFieldName());
            }
        }
        return item;
    }

    private static AttributeValue attribute(IonValue value) {
        String[] annotations = value.getTypeAnnotations();
        if (annotations.length > 0 && value instanceof IonList list && !value.isNullValue()) {
            return set(annotations[0], list);
        }
        if (value.isNullValue()) {
            return AttributeValue.nul();
        }
        return switch (value.getType()) {
            case STRING, SYMBOL -> AttributeValue.string(((IonText) value).stringValue());
            case DECIMAL -> number(((IonDecimal) value).bigDecimalValue());
            case INT -> number(((IonInt) value).bigIntegerValue().toString());
            case FLOAT -> number(((IonFloat) value).bigDecimalValue());
            case BLOB -> AttributeValue.binary(((IonBlob) value).getBytes());
            case BOOL -> AttributeValue.bool(((IonBool) value).booleanValue());
            case STRUCT -> new AttributeValue.M(item(value));
            case LIST -> {
                List<AttributeValue> elements = new ArrayList<>();
                for (IonValue element : (IonList) value) {
                    elements.add(attribute(element));
                }
                yield new AttributeValue.L(elements);
            }
            default -> throw new IllegalArgumentException("Ion type " + value.getType()
                    + " has no DynamoDB counterpart");
        };
    }

    private static AttributeValue set(String annotation, IonList list) {
        if (list.isEmpty()) {
            throw new IllegalArgumentException("an empty set");
        }
        switch (annotation) {
            case "$dynamodb_SS" -> {
                Set<String> values = new LinkedHashSet<>();
                for (IonValue v : list) {
                    if (!(v instanceof IonText t) || !values.add(t.stringValue())) {
                        throw new IllegalArgumentException("a string set holds a duplicate or a non-string");
                    }
                }
                return new AttributeValue.SS(values);
            }
            case "$dynamodb_NS" -> {
                Set<String> values = new LinkedHashSet<>();
                for (IonValue v : list) {
                    AttributeValue.N n = (AttributeValue.N) attribute(v instanceof IonDecimal || v instanceof IonInt
                            || v instanceof IonFloat ? v : fail("a number set holds a non-number"));
                    if (!values.add(n.value())) {
                        throw new IllegalArgumentException("a number set holds a duplicate");
                    }
                }
                return new AttributeValue.NS(values);
            }
            case "$dynamodb_BS" -> {
                List<byte[]> values = new ArrayList<>();
                for (IonValue v : list) {
                    if (!(v instanceof IonBlob b)) {
                        throw new IllegalArgumentException("a binary set holds a non-binary");
                    }
                    values.add(b.getBytes());
                }
                return new AttributeValue.BS(values);
            }
            default -> throw new IllegalArgumentException("unknown annotation " + annotation);
        }
    }

    private static IonValue fail(String message) {
        throw new IllegalArgumentException(message);
    }

    private static AttributeValue number(BigDecimal value) {
        return number(value.toPlainString());
    }

    private static AttributeValue number(String text) {
        try {
            return AttributeValue.number(Numbers.canonical(text));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the number " + text + " is out of DynamoDB's range");
        }
    }

    /** Whether the exception is Ion's way of saying the text is not Ion. */
    public static boolean isIonError(RuntimeException e) {
        return e instanceof IonException;
    }
}
