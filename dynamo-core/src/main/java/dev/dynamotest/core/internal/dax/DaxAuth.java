package dev.dynamotest.core.internal.dax;

import dev.dynamotest.core.AccessKeys;
import dev.dynamotest.core.DynamoException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code authorizeConnection}: the client sends its access key, the SigV4 string it signed and the signature,
 * so the check is the signature of that string with the key derived from the secret (date, region and service from
 * the string's credential scope). Without access keys every connection is accepted.
 */
final class DaxAuth {

    private final AccessKeys keys;

    DaxAuth(AccessKeys keys) {
        this.keys = keys;
    }

    /** The error the connection's requests get from now on, or {@code null} when it is authorized. */
    DynamoException check(String accessKey, String signature, byte[] stringToSign) {
        if (keys == null) {
            return null;
        }
        String secret = accessKey == null ? null : keys.secretKey(accessKey);
        if (secret == null) {
            return new DynamoException("UnrecognizedClientException", "The security token included in the request is "
                    + "invalid.");
        }
        String text = new String(stringToSign, StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        String[] scope = lines.length >= 3 ? lines[2].split("/") : new String[0];
        if (scope.length != 4) {
            return invalidSignature();
        }
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope[0]);
        key = hmac(key, scope[1]);
        key = hmac(key, scope[2]);
        key = hmac(key, scope[3]);
        String expected = HexFormat.of().formatHex(hmac(key, text));
        if (signature == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            return invalidSignature();
        }
        return null;
    }

    private static DynamoException invalidSignature() {
        return new DynamoException("InvalidSignatureException", "The request signature we calculated does not match "
                + "the signature you provided. Check your AWS Secret Access Key and signing method. Consult the "
                + "service documentation for details.");
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        }
    }
}
