package dev.dynamotest.assertions.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.dynamotest.core.model.AttributeValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints values, items and keys for failure messages: items as readable JSON with the key attributes first,
 * sets as {@code <<...>>} and binary values as base64 in {@code {{...}}}, as DynamoDB's PartiQL prints them.
 */
public final class Render {

    private static final int LINE = 100;

    private Render() {
    }

    public static String value(AttributeValue v) {
        if (v instanceof AttributeValue.S s) {
            return quote(s.value());
        } else if (v instanceof AttributeValue.N n) {
            return n.value();
        } else if (v instanceof AttributeValue.B b) {
            return binary(b.unsafeBytes());
        } else if (v instanceof AttributeValue.BOOL b) {
            return Boolean.toString(b.value());
        } else if (v instanceof AttributeValue.M m) {
            return attributes(m.value(), List.of());
        } else if (v instanceof AttributeValue.L l) {
            return l.value().stream().map(Render::value).collect(Collectors.joining(", ", "[", "]"));
        } else if (v instanceof AttributeValue.SS ss) {
            return ss.value().stream().sorted().map(Render::quote).collect(Collectors.joining(", ", "<<", ">>"));
        } else if (v instanceof AttributeValue.NS ns) {
            return ns.value().stream().sorted(Comparator.comparing(BigDecimal::new))
                    .collect(Collectors.joining(", ", "<<", ">>"));
        } else if (v instanceof AttributeValue.BS bs) {
            return bs.value().stream().map(Render::binary).sorted().collect(Collectors.joining(", ", "<<", ">>"));
        }
        return "null";
    }

    /** An item on one line, or one attribute a line when it is long; the key attributes come first. */
    public static String item(Map<String, AttributeValue> item, List<String> keyNames) {
        String line = attributes(item, keyNames);
        if (line.length() <= LINE) {
            return line;
        }
        return ordered(item, keyNames).stream().map(name -> "  " + quote(name) + ": " + value(item.get(name)))
                .collect(Collectors.joining(",\n", "{\n", "\n}"));
    }

    /** A key as {@code {pk=A#1, sk=7}}. */
    public static String key(Map<String, AttributeValue> key, List<String> keyNames) {
        return ordered(key, keyNames).stream().map(name -> name + "=" + plain(key.get(name)))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** Every line of the text, indented by the given number of spaces. */
    public static String indent(String text, int spaces) {
        String pad = " ".repeat(spaces);
        return text.lines().map(l -> l.isEmpty() ? l : pad + l).collect(Collectors.joining("\n"));
    }

    /** A duration in words: {@code 200 milliseconds}, {@code 5 seconds}. */
    public static String duration(java.time.Duration d) {
        long millis = d.toMillis();
        if (millis % 1000 == 0) {
            long s = millis / 1000;
            return s + (s == 1 ? " second" : " seconds");
        }
        return millis + (millis == 1 ? " millisecond" : " milliseconds");
    }

    public static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    private static String plain(AttributeValue v) {
        if (v instanceof AttributeValue.S s) {
            return s.value();
        } else if (v instanceof AttributeValue.B b) {
            return Base64.getEncoder().encodeToString(b.unsafeBytes());
        }
        return value(v);
    }

    private static String binary(byte[] bytes) {
        return "{{" + Base64.getEncoder().encodeToString(bytes) + "}}";
    }

    private static String attributes(Map<String, AttributeValue> item, List<String> keyNames) {
        return ordered(item, keyNames).stream().map(name -> quote(name) + ": " + value(item.get(name)))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static List<String> ordered(Map<String, AttributeValue> item, List<String> keyNames) {
        List<String> names = new ArrayList<>();
        keyNames.stream().filter(item::containsKey).forEach(names::add);
        item.keySet().stream().filter(n -> !keyNames.contains(n)).sorted().forEach(names::add);
        return names;
    }
}
