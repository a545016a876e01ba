package dev.dynamotest.core.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.model.AttributeValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyCodecTest {

    @Test
    void orders_numbers_by_value() {
        Random random = new Random(42);
        List<BigDecimal> numbers = new ArrayList<>(List.of(new BigDecimal("0"), new BigDecimal("-1"),
                new BigDecimal("1"), new BigDecimal("1.5"), new BigDecimal("1.55"), new BigDecimal("-1.5"),
                new BigDecimal("-1.55"), new BigDecimal("9.9999999999999999999999999999999999999E+125"),
                new BigDecimal("-9.9999999999999999999999999999999999999E+125"), new BigDecimal("1E-130"),
                new BigDecimal("-1E-130"), new BigDecimal("10"), new BigDecimal("100"), new BigDecimal("99")));
        for (int i = 0; i < 2000; i++) {
            numbers.add(new BigDecimal(random.nextGaussian()).scaleByPowerOfTen(random.nextInt(60) - 30)
                    .round(new java.math.MathContext(1 + random.nextInt(38))));
        }
        List<BigDecimal> byValue = new ArrayList<>(numbers);
        byValue.sort(Comparator.naturalOrder());
        List<BigDecimal> byBytes = new ArrayList<>(numbers);
        byBytes.sort((a, b) -> Arrays.compareUnsigned(KeyCodec.encodeNumber(a), KeyCodec.encodeNumber(b)));

        for (int i = 0; i < byValue.size(); i++) {
            assertThat(byBytes.get(i)).isEqualByComparingTo(byValue.get(i));
        }
    }

    @Test
    void orders_multi_attribute_keys_by_their_values_in_turn_and_keeps_prefixes_as_prefixes() {
        Random random = new Random(7);
        String[] strings = {"", "a", "ab", "a\u0000", "a\u0000b", "b", "\u0000", "\u00ff", "\uffff", "ab\u0001"};
        List<List<AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            keys.add(List.of(AttributeValue.string(strings[random.nextInt(strings.length)]),
                    AttributeValue.number(new BigDecimal(random.nextInt(21) - 10).movePointLeft(random.nextInt(3))),
                    new AttributeValue.B(new byte[] {(byte) random.nextInt(3), (byte) (random.nextInt(3) - 1)})));
        }
        Comparator<List<AttributeValue>> byValues = Comparator
                .<List<AttributeValue>, String>comparing(k -> ((AttributeValue.S) k.get(0)).value(),
                        (a, b) -> Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                b.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .thenComparing(k -> ((AttributeValue.N) k.get(1)).decimal())
                .thenComparing(k -> ((AttributeValue.B) k.get(2)).unsafeBytes(), Arrays::compareUnsigned);

        for (int i = 0; i + 1 < keys.size(); i++) {
            List<AttributeValue> a = keys.get(i);
            List<AttributeValue> b = keys.get(i + 1);
            assertThat(Integer.signum(Arrays.compareUnsigned(KeyCodec.encode(a), KeyCodec.encode(b))))
                    .as("%s against %s", a, b).isEqualTo(Integer.signum(byValues.compare(a, b)));
            java.io.ByteArrayOutputStream prefix = new java.io.ByteArrayOutputStream();
            KeyCodec.component(b.get(0), false, prefix);
            boolean startsWith = ((AttributeValue.S) a.get(0)).value().startsWith(((AttributeValue.S) b.get(0)).value());
            byte[] encoded = KeyCodec.encode(a);
            assertThat(encoded.length >= prefix.size()
                    && Arrays.equals(encoded, 0, prefix.size(), prefix.toByteArray(), 0, prefix.size())).as("%s begins with %s", a, b.get(0))
                    .isEqualTo(startsWith);
        }
    }

    @Test
    void decodes_what_it_encodes() {
        for (String n : new String[] {"0", "1", "-1", "123.456", "-0.000123", "1E+125", "12345678901234567890123456789012345678"}) {
            AttributeValue value = AttributeValue.number(n);
            AttributeValue decoded = KeyCodec.decode(KeyCodec.encode(value), "N");
            assertThat(((AttributeValue.N) decoded).decimal()).isEqualByComparingTo(new BigDecimal(n));
        }
        assertThat(KeyCodec.decode(KeyCodec.encode(AttributeValue.string("héllo")), "S"))
                .isEqualTo(AttributeValue.string("héllo"));
    }

    @Test
    void orders_strings_by_utf8_bytes() {
        byte[] ascii = KeyCodec.encode(AttributeValue.string("z"));
        byte[] accented = KeyCodec.encode(AttributeValue.string("é"));

        assertThat(Arrays.compareUnsigned(ascii, accented)).isNegative();
    }
}
