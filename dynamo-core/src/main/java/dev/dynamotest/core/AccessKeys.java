package dev.dynamotest.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The access keys a {@link DynamoServer} accepts when it verifies each request's SigV4 signature as DynamoDB does:
 * access key ids and their secret keys. Immutable.
 *
 * <pre>{@code
 * DynamoServer.start(EngineConfig.defaults(), "0.0.0.0", 8000, AccessKeys.of("AKIDEXAMPLE", "secret"));
 * }</pre>
 */
public final class AccessKeys {

    private final Map<String, String> secrets;

    private AccessKeys(Map<String, String> secrets) {
        this.secrets = Map.copyOf(secrets);
    }

    /** One access key id and its secret key. */
    public static AccessKeys of(String accessKeyId, String secretKey) {
        return new AccessKeys(Map.of(check(accessKeyId, "access key id"), check(secretKey, "secret key")));
    }

    /** These keys and one more; a known access key id gets the new secret. */
    public AccessKeys and(String accessKeyId, String secretKey) {
        Map<String, String> more = new LinkedHashMap<>(secrets);
        more.put(check(accessKeyId, "access key id"), check(secretKey, "secret key"));
        return new AccessKeys(more);
    }

    /**
     * Reads a credentials file: one access key id and its secret key per line, separated by spaces, a tab or a comma;
     * blank lines and lines starting with {@code #} are skipped.
     *
     * @throws IllegalArgumentException naming the line when one is not a key and a secret, or when there is no key
     * @throws UncheckedIOException when the file cannot be read
     */
    public static AccessKeys read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the credentials file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("[\\s,]+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("credentials file " + file + ", line " + (i + 1)
                        + ": expected an access key id and a secret key, separated by a space or a comma");
            }
            secrets.put(parts[0], parts[1]);
        }
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("credentials file " + file + " holds no access key");
        }
        return new AccessKeys(secrets);
    }

    /** The secret key of an access key id, or {@code null} when the id is not one of these keys. */
    public String secretKey(String accessKeyId) {
        return accessKeyId == null ? null : secrets.get(accessKeyId);
    }

    /** The access key ids. */
    public Set<String> accessKeyIds() {
        return secrets.keySet();
    }

    private static String check(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException("the " + what + " is blank");
        }
        return value;
    }

    @Override
    public String toString() {
        return "AccessKeys" + secrets.keySet();
    }
}
