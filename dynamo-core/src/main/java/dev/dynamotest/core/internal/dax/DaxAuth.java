package dev.dynamotest.core.internal.dax;

import dev.dynamotest.core.AccessKeys;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.SigV4Verifier;
import java.nio.charset.StandardCharsets;

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
        if (lines.length < 3 || !SigV4Verifier.signs(secret, lines[2], text, signature)) {
            return invalidSignature();
        }
        return null;
    }

    private static DynamoException invalidSignature() {
        return new DynamoException("InvalidSignatureException", "The request signature we calculated does not match "
                + "the signature you provided. Check your AWS Secret Access Key and signing method. Consult the "
                + "service documentation for details.");
    }
}
