package dev.dynamotest.core.internal.ops.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The NextToken of a SELECT: where the next page starts (which of the statement's Queries, and the last key read)
 * and a digest of the statement and its parameters, so that a token is refused by any other statement.
 */
final class SelectPaging {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SelectPaging() {
    }

    /** Where a page starts: the part (Query) and its ExclusiveStartKey (null at the part's start). */
    record Position(int part, JsonNode startKey) {
    }

    static String token(String statement, JsonNode parameters, Position position) {
        ObjectNode token = JSON.createObjectNode();
        token.put("s", digest(statement, parameters));
        token.put("p", position.part());
        if (position.startKey() != null) {
            token.set("k", position.startKey());
        }
        return Base64.getEncoder().encodeToString(token.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The position a token names, or DynamoDB's refusal when it is not a token of this statement. */
    static Position position(String token, String statement, JsonNode parameters) {
        JsonNode decoded;
        try {
            decoded = JSON.readTree(Base64.getDecoder().decode(token));
        } catch (IllegalArgumentException | IOException e) {
            throw mismatch();
        }
        if (decoded == null || !decoded.isObject() || !digest(statement, parameters).equals(decoded.path("s").asText())
                || !decoded.path("p").isInt()) {
            throw mismatch();
        }
        JsonNode key = decoded.get("k");
        return new Position(decoded.get("p").intValue(), key != null && key.isObject() ? key : null);
    }

    private static DynamoException mismatch() {
        return DynamoException.validation("NextToken does not match request");
    }

    private static String digest(String statement, JsonNode parameters) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(statement.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(String.valueOf(parameters).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
