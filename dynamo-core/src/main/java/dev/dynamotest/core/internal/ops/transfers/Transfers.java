package dev.dynamotest.core.internal.ops.transfers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The exports or the imports of the engine, per region in the order they were started: their descriptions, their
 * client tokens, and the paging of their lists. Kept in memory.
 */
final class Transfers {

    private record Token(JsonNode request, String arn, Instant at) {
    }

    private final String arnMember;
    private final Map<String, ObjectNode> byArn = new LinkedHashMap<>();
    private final Map<String, Token> tokens = new HashMap<>();

    Transfers(String arnMember) {
        this.arnMember = arnMember;
    }

    /**
     * The transfer an earlier request with the same client token started within {@code window}, or null; a
     * token reused with other parameters throws {@code conflict}.
     */
    synchronized ObjectNode byToken(String region, String token, ObjectNode request, Instant now, Duration window,
            Supplier<DynamoException> conflict) {
        if (token == null) {
            return null;
        }
        Token previous = tokens.get(region + "/" + token);
        if (previous == null || !now.isBefore(previous.at().plus(window))) {
            return null;
        }
        if (!previous.request().equals(withoutToken(request))) {
            throw conflict.get();
        }
        return byArn.get(previous.arn());
    }

    synchronized void add(String region, String token, ObjectNode request, ObjectNode description, Instant now) {
        String arn = description.path(arnMember).asText();
        byArn.put(arn, description);
        if (token != null) {
            tokens.put(region + "/" + token, new Token(withoutToken(request), arn, now));
        }
    }

    synchronized ObjectNode find(String region, String arn) {
        ObjectNode d = byArn.get(arn);
        return d != null && arn.startsWith("arn:aws:dynamodb:" + region + ":") ? d : null;
    }

    /** Gives {@code max} matching transfers of the region from the token on to {@code into}; returns the next token. */
    synchronized String page(String region, String nextToken, int max, Predicate<ObjectNode> filter,
            Consumer<ObjectNode> into) {
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode d : byArn.values()) {
            if (d.path(arnMember).asText().startsWith("arn:aws:dynamodb:" + region + ":") && filter.test(d)) {
                matching.add(d);
            }
        }
        int start = 0;
        if (nextToken != null) {
            start = -1;
            for (int i = 0; i < matching.size(); i++) {
                if (matching.get(i).path(arnMember).asText().equals(nextToken)) {
                    start = i;
                }
            }
            if (start < 0) {
                throw DynamoException.validation("Invalid NextToken");
            }
        }
        int end = Math.min(matching.size(), start + max);
        for (int i = start; i < end; i++) {
            into.accept(matching.get(i));
        }
        return end < matching.size() ? matching.get(end).path(arnMember).asText() : null;
    }

    private static JsonNode withoutToken(ObjectNode request) {
        ObjectNode copy = request.deepCopy();
        copy.remove("ClientToken");
        return copy;
    }
}
