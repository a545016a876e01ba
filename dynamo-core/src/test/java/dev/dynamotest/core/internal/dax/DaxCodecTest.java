package dev.dynamotest.core.internal.dax;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DAX codec's pieces on their own: LexDecimal, keys, attribute values and expression trees. */
class DaxCodecTest {

    private static final String[] NUMBERS = {"-1E+200", "-123456789012345678901234567890", "-1000", "-10.5", "-1",
        "-0.001", "-1E-130", "0", "1E-130", "0.001", "0.5", "1", "2", "9.99", "10", "10.5", "999", "1000", "1001",
        "123456789012345678901234567890", "9.9999999999999999999999999999999999999E+125"};

    private static byte[] lex(String number) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LexDecimal.encode(new BigDecimal(number), out);
        return out.toByteArray();
    }

    @Test
    void lex_decimal_round_trips_numbers_of_every_magnitude_and_sign() {
        for (String number : NUMBERS) {
            assertThat(LexDecimal.decode(lex(number), 0)).as(number).isEqualByComparingTo(number);
        }
        assertThat(LexDecimal.decode(lex("10"), 0).toString()).isEqualTo("10");
        assertThat(lex("0")).containsExactly(0x80);
    }

    @Test
    void lex_decimal_bytes_sort_as_their_numbers() {
        List<byte[]> encoded = new ArrayList<>();
        for (String number : NUMBERS) {
            encoded.add(lex(number));
        }
        List<byte[]> sorted = new ArrayList<>(encoded);
        sorted.sort(Arrays::compareUnsigned);

        assertThat(sorted).containsExactlyElementsOf(encoded);
    }

    @Test
    void keys_round_trip_for_each_key_shape() {
        ObjectNode stringAndNumber = AttributeValues.JSON.objectNode();
        stringAndNumber.putObject("pk").put("S", "user#1");
        stringAndNumber.putObject("sk").put("N", "-10.25");
        ObjectNode numberAlone = AttributeValues.JSON.objectNode();
        numberAlone.putObject("id").put("N", "123456789012345678901234567890");
        ObjectNode binaryAndBinary = AttributeValues.JSON.objectNode();
        binaryAndBinary.putObject("pk").put("B", "AAEC");
        binaryAndBinary.putObject("sk").put("B", "/w==");

        KeySchema first = new KeySchema("pk", "S", "sk", "N");
        KeySchema second = new KeySchema("id", "N", null, null);
        KeySchema third = new KeySchema("pk", "B", "sk", "B");

        assertThat(first.decode(first.encode(stringAndNumber))).isEqualTo(stringAndNumber);
        assertThat(second.decode(second.encode(numberAlone))).isEqualTo(numberAlone);
        assertThat(third.decode(third.encode(binaryAndBinary))).isEqualTo(binaryAndBinary);
        assertThat(new String(new KeySchema("pk", "S", null, null).encode(stringAndNumber))).isEqualTo("user#1");
    }

    @Test
    void attribute_values_round_trip_through_cbor() throws IOException {
        ObjectNode av = AttributeValues.JSON.objectNode();
        ObjectNode map = av.putObject("M");
        map.putObject("ss").putArray("SS").add("a").add("b");
        map.putObject("ns").putArray("NS").add("1").add("-2.5");
        map.putObject("bs").putArray("BS").add("AQ==");
        map.putObject("l").putArray("L").addObject().put("NULL", true);
        map.putObject("t").put("BOOL", true);
        map.putObject("n").put("N", "-0.000123");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CBORGenerator out = Cbor.generator(bytes)) {
            AttributeValues.write(av, out);
        }

        assertThat(AttributeValues.toJson(Cbor.readAll(bytes.toByteArray()).get(0))).isEqualTo(av);
    }

    /** Encodes {@code [1, tree, values]} as the client does. */
    private static byte[] expression(Object tree, List<Object> values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CBORGenerator out = Cbor.generator(bytes)) {
            write(out, values == null ? List.of(1, tree) : List.of(1, tree, values));
        }
        return bytes.toByteArray();
    }

    private static void write(CBORGenerator out, Object value) throws IOException {
        if (value instanceof List<?> list) {
            out.writeStartArray(null, list.size());
            for (Object element : list) {
                write(out, element);
            }
            out.writeEndArray();
        } else if (value instanceof Integer i) {
            out.writeNumber(i);
        } else if (value instanceof Cbor.Tagged tagged) {
            out.writeTag(tagged.tag());
            write(out, tagged.value());
        } else {
            out.writeString((String) value);
        }
    }

    private static List<Object> path(Object... elements) {
        List<Object> path = new ArrayList<>(List.of(18));
        path.addAll(List.of(elements));
        return path;
    }

    @Test
    void renders_condition_trees_as_expression_text_with_placeholders() throws IOException {
        List<Object> tree = List.of(7,
                List.of(6, List.of(4, path("a", new Cbor.Tagged(Cbor.TAG_PATH_ORDINAL, 2), "b"), List.of(17, 0)),
                        List.of(11, path("c"))),
                List.of(8, List.of(10, List.of(16, path("a")), List.of(List.of(17, 1), List.of(17, 0)))));
        Expressions expressions = new Expressions();

        String text = expressions.condition(expression(tree, List.of("x", 5)), ":c");

        assertThat(text).isEqualTo("(((#n0[2].#n1 > :c0) AND attribute_exists(#n2)) OR (NOT (size(#n0) IN (:c1, :c0))))");
        assertThat(expressions.names()).isEqualTo(AttributeValues.JSON.objectNode().put("#n0", "a").put("#n1", "b")
                .put("#n2", "c"));
        assertThat(expressions.values().get(":c1")).isEqualTo(AttributeValues.JSON.objectNode().put("N", "5"));
    }

    @Test
    void renders_update_and_projection_trees() throws IOException {
        List<Object> update = List.of(
                List.of(19, path("a"), List.of(25, path("a"), List.of(17, 0))),
                List.of(22, path("b")),
                List.of(19, path("c"), List.of(23, path("c"), List.of(17, 1))),
                List.of(20, path("d"), List.of(17, 0)));
        Expressions expressions = new Expressions();

        assertThat(expressions.update(expression(update, List.of(1, "z"))))
                .isEqualTo("SET #n0 = #n0 + :u0, #n2 = if_not_exists(#n2, :u1) REMOVE #n1 ADD #n3 :u0");
        assertThat(expressions.projection(expression(List.of(path("x"), path("m", "y")), null)))
                .isEqualTo("#n4, #n5.#n6");
        assertThat(Expressions.projectionPaths(expression(List.of(path("m", new Cbor.Tagged(3324, 1))), null)))
                .containsExactly(List.of("m", 1));
    }
}
