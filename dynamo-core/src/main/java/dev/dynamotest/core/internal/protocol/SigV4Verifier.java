package dev.dynamotest.core.internal.protocol;

import dev.dynamotest.core.AccessKeys;
import dev.dynamotest.core.DynamoException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a request's AWS Signature Version 4 as DynamoDB does, and refuses it with DynamoDB's error when it fails:
 * no {@code Authorization} header, a header without its parts, a date more than 15 minutes away from now, an access
 * key that is not one of the {@link AccessKeys}, or a signature other than the one the key's secret gives. The
 * signature is recomputed from the canonical request (method, URI, query, the signed headers, the body's SHA-256).
 */
public final class SigV4Verifier {

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final Duration SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();
    private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

    private final AccessKeys keys;
    private final Clock clock;

    /**
     * A verifier of signatures by these keys; {@code clock} is the wall clock, as the clients' signers read it (not
     * the engine's {@code Clock}, which a test may freeze or move).
     */
    public SigV4Verifier(AccessKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * A request as it came: method, path and query as sent (still percent-encoded), headers by lower-case name with
     * every value, and the body.
     */
    public record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
            byte[] body) {

        String header(String lowerCaseName) {
            List<String> values = headers.get(lowerCaseName);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** Returns when the request is signed by one of the keys; otherwise throws DynamoDB's error. */
    public void verify(SignedRequest request) {
        String authorization = request.header("authorization");
        if (authorization == null) {
            throw error("MissingAuthenticationTokenException", "Request is missing Authentication Token");
        }
        Authorization auth = Authorization.parse(authorization);
        String amzDate = timestamp(request, authorization);
        checkSkew(amzDate);
        String[] scope = auth.credential.split("/", -1);
        if (scope.length != 5) {
            throw error("IncompleteSignatureException", "Credential must have exactly 5 slash-delimited elements, "
                    + "e.g. keyid/date/region/service/term, got '" + auth.credential + "'");
        }
        String secret = keys.secretKey(scope[0]);
        if (secret == null) {
            throw error("UnrecognizedClientException", "The security token included in the request is invalid.");
        }
        String credentialScope = auth.credential.substring(scope[0].length() + 1);
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + credentialScope + "\n"
                + HEX.formatHex(sha256(canonicalRequest(request, auth.signedHeaders)));
        if (!signs(secret, credentialScope, stringToSign, auth.signature)) {
            throw error("InvalidSignatureException", "The request signature we calculated does not match the "
                    + "signature you provided. Check your AWS Secret Access Key and signing method. Consult the "
                    + "service documentation for details.");
        }
    }

    /**
     * Whether {@code signature} (hex) is the SigV4 signature of {@code stringToSign} by {@code secret} in the
     * credential scope {@code date/region/service/aws4_request}; compared in constant time. DAX's
     * {@code authorizeConnection} checks its signed string this way too.
     */
    public static boolean signs(String secret, String credentialScope, String stringToSign, String signature) {
        String[] scope = credentialScope.split("/", -1);
        if (scope.length != 4 || signature == null) {
            return false;
        }
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope[0]);
        for (int i = 1; i < scope.length; i++) {
            key = hmac(key, scope[i]);
        }
        byte[] expected = HEX.formatHex(hmac(key, stringToSign)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** The request's time in ISO 8601 basic format, from {@code X-Amz-Date}, else from {@code Date}. */
    private static String timestamp(SignedRequest request, String authorization) {
        String amzDate = request.header("x-amz-date");
        if (amzDate != null) {
            try {
                BASIC.parse(amzDate);
                return amzDate;
            } catch (DateTimeParseException e) {
                throw error("IncompleteSignatureException", "Date must be in ISO-8601 'basic format'. Got '"
                        + amzDate + "'. See http://en.wikipedia.org/wiki/ISO_8601");
            }
        }
        String date = request.header("date");
        if (date != null) {
            try {
                return BASIC.format(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException e) {
                throw error("IncompleteSignatureException", "Date must be in RFC 1123 format. Got '" + date + "'");
            }
        }
        throw error("IncompleteSignatureException", "Authorization header requires existence of either a "
                + "'X-Amz-Date' or a 'Date' header. Authorization=" + authorization);
    }

    private void checkSkew(String amzDate) {
        Instant signed = Instant.from(BASIC.parse(amzDate));
        Instant now = clock.instant();
        if (signed.isBefore(now.minus(SKEW))) {
            throw error("InvalidSignatureException", "Signature expired: " + amzDate + " is now earlier than "
                    + BASIC.format(now.minus(SKEW)) + " (" + BASIC.format(now) + " - 15 min.)");
        }
        if (signed.isAfter(now.plus(SKEW))) {
            throw error("InvalidSignatureException", "Signature not yet current: " + amzDate + " is still later than "
                    + BASIC.format(now.plus(SKEW)) + " (" + BASIC.format(now) + " + 15 min.)");
        }
    }

    /** AWS's canonical request: method, canonical URI, canonical query, signed headers, the payload's hash. */
    private static String canonicalRequest(SignedRequest request, List<String> signedHeaders) {
        StringBuilder canonical = new StringBuilder(256);
        canonical.append(request.method()).append('\n');
        canonical.append(canonicalUri(request.rawPath())).append('\n');
        canonical.append(canonicalQuery(request.rawQuery())).append('\n');
        for (String name : signedHeaders) {
            canonical.append(name).append(':').append(headerValue(request.headers().get(name))).append('\n');
        }
        canonical.append('\n').append(String.join(";", signedHeaders)).append('\n');
        canonical.append(HEX.formatHex(sha256(request.body() == null ? new byte[0] : request.body())));
        return canonical.toString();
    }

    /** The path encoded once more, segment by segment, as the SDKs sign it for every service but S3. */
    private static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        StringJoiner uri = new StringJoiner("/");
        for (String segment : rawPath.split("/", -1)) {
            uri.add(encode(segment));
        }
        return uri.toString();
    }

    /** The query's parameters, decoded, encoded the AWS way and sorted by name, then value. */
    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> parameters = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            String value = equals < 0 ? "" : parameter.substring(equals + 1);
            parameters.add(new String[] {encode(decode(name)), encode(decode(value))});
        }
        parameters.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder query = new StringBuilder();
        for (String[] parameter : parameters) {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(parameter[0]).append('=').append(parameter[1]);
        }
        return query.toString();
    }

    /** A header's values, each trimmed with its runs of spaces made one, joined by commas. */
    private static String headerValue(List<String> values) {
        if (values == null) {
            return "";
        }
        StringBuilder joined = new StringBuilder();
        for (String value : values) {
            if (joined.length() > 0) {
                joined.append(',');
            }
            joined.append(value.strip().replaceAll("\\s+", " "));
        }
        return joined.toString();
    }

    /** Percent-encodes every byte but the unreserved characters of RFC 3986, in upper-case hexadecimal. */
    private static String encode(String text) {
        StringBuilder encoded = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(UPPER_HEX.toHexDigits((byte) c));
            }
        }
        return encoded.toString();
    }

    /** Decodes percent-escapes (a {@code +} stays a plus, as the SDKs send a space as {@code %20}). */
    private static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && HexFormat.isHexDigit(text.charAt(i + 1))
                    && HexFormat.isHexDigit(text.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
                i += 3;
            } else {
                int end = i + Character.charCount(text.codePointAt(i));
                bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
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

    private static DynamoException error(String type, String message) {
        return new DynamoException(DynamoException.CORAL_NAMESPACE, type, 400, message, null);
    }

    /** The parts of an {@code Authorization} header: {@code AWS4-HMAC-SHA256 Credential=.., SignedHeaders=.., Signature=..}. */
    private record Authorization(String credential, List<String> signedHeaders, String signature) {

        static Authorization parse(String header) {
            String text = header.strip();
            if (!text.startsWith(ALGORITHM)) {
                int end = text.indexOf(' ');
                throw error("IncompleteSignatureException", "Unsupported AWS 'algorithm': '"
                        + (end < 0 ? text : text.substring(0, end)) + "'");
            }
            String credential = null;
            String signedHeaders = null;
            String signature = null;
            for (String part : text.substring(ALGORITHM.length()).split("[,\\s]+")) {
                if (part.startsWith("Credential=")) {
                    credential = part.substring("Credential=".length());
                } else if (part.startsWith("SignedHeaders=")) {
                    signedHeaders = part.substring("SignedHeaders=".length());
                } else if (part.startsWith("Signature=")) {
                    signature = part.substring("Signature=".length());
                }
            }
            StringBuilder missing = new StringBuilder();
            if (credential == null) {
                missing.append("Authorization header requires 'Credential' parameter. ");
            }
            if (signature == null) {
                missing.append("Authorization header requires 'Signature' parameter. ");
            }
            if (signedHeaders == null) {
                missing.append("Authorization header requires 'SignedHeaders' parameter. ");
            }
            if (missing.length() > 0) {
                throw error("IncompleteSignatureException", missing + "Authorization=" + header);
            }
            List<String> names = new ArrayList<>();
            for (String name : signedHeaders.split(";")) {
                names.add(name.toLowerCase(Locale.ROOT));
            }
            return new Authorization(credential, names, signature);
        }
    }
}
