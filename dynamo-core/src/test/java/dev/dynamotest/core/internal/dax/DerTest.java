package dev.dynamotest.core.internal.dax;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The DER encodings against X.690's rules, byte for byte. */
class DerTest {

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void encodes_object_identifiers_in_base_128() {
        assertThat(hex(Der.oid("1.2.840.10045.4.3.2"))).isEqualTo("06082a8648ce3d040302");
        assertThat(hex(Der.oid("2.5.29.17"))).isEqualTo("0603551d11");
    }

    @Test
    void uses_the_short_length_form_below_128_and_the_long_form_from_it() {
        assertThat(hex(Der.octetString(new byte[127]))).startsWith("047f00");
        assertThat(hex(Der.octetString(new byte[128]))).startsWith("04818000");
        assertThat(hex(Der.octetString(new byte[300]))).startsWith("0482012c00");
        assertThat(Der.octetString(new byte[300])).hasSize(304);
    }

    @Test
    void encodes_integers_in_twos_complement_with_a_sign_byte_when_needed() {
        assertThat(hex(Der.integer(BigInteger.TWO))).isEqualTo("020102");
        assertThat(hex(Der.integer(BigInteger.valueOf(128)))).isEqualTo("02020080");
    }

    @Test
    void writes_utc_time_until_2049_and_generalized_time_from_2050() {
        assertThat(new String(Der.time(Instant.parse("2049-12-31T23:59:59Z")), java.nio.charset.StandardCharsets
                .US_ASCII).substring(2)).isEqualTo("491231235959Z");
        assertThat(Der.time(Instant.parse("2049-12-31T23:59:59Z"))[0]).isEqualTo((byte) 0x17);
        assertThat(Der.time(Instant.parse("2050-01-01T00:00:00Z"))[0]).isEqualTo((byte) 0x18);
        assertThat(new String(Der.time(Instant.parse("2050-01-01T00:00:00Z")), java.nio.charset.StandardCharsets
                .US_ASCII).substring(2)).isEqualTo("20500101000000Z");
    }

    @Test
    void tags_context_specific_values_and_bit_strings() {
        assertThat(hex(Der.explicit(0, Der.integer(BigInteger.TWO)))).isEqualTo("a003020102");
        assertThat(hex(Der.implicit(7, new byte[] {127, 0, 0, 1}))).isEqualTo("87047f000001");
        assertThat(hex(Der.bitString(new byte[] {1, 2}))).isEqualTo("0303000102");
        assertThat(hex(Der.sequence(Der.bool(true), Der.set()))).isEqualTo("30050101ff3100");
    }
}
