package dev.dynamotest.core.internal.ops.transfers;

import static dev.dynamotest.core.internal.schema.TableDescriptions.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
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
 * client tokens, and the Describe and List requests that read them back. Kept in memory.
 */
final class Transfers {

    /** How long a ClientToken stays bound to its transfer. */
    static final Duration TOKEN_WINDOW = Duration.ofHours(8);

    private record Token(JsonNode request, String arn, Instant at) {
    }

    /** A transfer just started: its description, kept from now on, and the response to its request. */
    record Started(ObjectNode description, ObjectNode response) {
    }

    /** Starts a transfer for a request, with its ClientToken ({@code null} when it has none). */
    interface Starter {
        Started start(String token);
    }

    private final String noun;
    private final String arnMember;
    private final String descriptionMember;
    private final Map<String, ObjectNode> byArn = new LinkedHashMap<>();
    private final Map<String, Token> tokens = new HashMap<>();

    /**
     * @param noun              {@code Export} or {@code Import}, which names the ARN member and the not-found error
     * @param descriptionMember the response member a description is returned in
     */
    Transfers(String noun, String descriptionMember) {
        this.noun = noun;
        this.arnMember = noun + "Arn";
        this.descriptionMember = descriptionMember;
    }

    /** A response holding a copy of {@code description} in this kind's description member. */
    ObjectNode response(ObjectNode description) {
        ObjectNode response = NODES.objectNode();
        response.set(descriptionMember, description.deepCopy());
        return response;
    }

    /** DescribeExport or DescribeImport: the transfer the request's ARN names, in the region. */
    ObjectNode describe(String region, ObjectNode request) {
        String arn = Json.text(request, arnMember);
        String field = Character.toLowerCase(arnMember.charAt(0)) + arnMember.substring(1);
        new Constraints().notNull(arn, field).length(arn, field, 37, 1024).check();
        ObjectNode d = find(region, arn);
        if (d == null) {
            throw new DynamoException(noun + "NotFoundException", noun + " not found: " + arn);
        }
        return response(d);
    }

    /**
     * ListExports or ListImports: a page of at most {@code sizeMember} (1 to 25, by default 25) summaries of the
     * region's transfers, of the request's TableArn if it names one, each with the {@code summaryFields} the
     * description has.
     */
    ObjectNode list(String region, ObjectNode request, String sizeMember, String summariesMember,
            String... summaryFields) {
        String tableArn = Json.text(request, "TableArn");
        Long size = Json.integer(request, sizeMember);
        new Constraints().range(size, Character.toLowerCase(sizeMember.charAt(0)) + sizeMember.substring(1), 1, 25)
                .check();
        ObjectNode response = NODES.objectNode();
        ArrayNode summaries = response.putArray(summariesMember);
        String next = page(region, Json.text(request, "NextToken"), size == null ? 25 : size.intValue(),
                d -> tableArn == null || tableArn.equals(d.path("TableArn").asText()), d -> {
                    ObjectNode s = summaries.addObject();
                    for (String field : summaryFields) {
                        if (d.has(field)) {
                            s.set(field, d.get(field).deepCopy());
                        }
                    }
                });
        if (next != null) {
            response.put("NextToken", next);
        }
        return response;
    }

    /**
     * Starts a transfer once per client token: a request that repeats an earlier one's ClientToken within
     * {@link #TOKEN_WINDOW} gets that transfer's description again, and one that reuses it with other parameters
     * throws {@code conflict}; any other request is started by {@code starter}, and its transfer kept.
     */
    synchronized ObjectNode startOnce(String region, ObjectNode request, Instant now,
            Supplier<DynamoException> conflict, Starter starter) {
        String token = Json.text(request, "ClientToken");
        ObjectNode previous = byToken(region, token, request, now, TOKEN_WINDOW, conflict);
        if (previous != null) {
            return response(previous);
        }
        Started started = starter.start(token);
        add(region, token, request, started.description(), now);
        return started.response();
    }

    /**
     * The transfer an earlier request with the same client token started within {@code window}, or null; a
     * token reused with other parameters throws {@code conflict}.
     */
    private synchronized ObjectNode byToken(String region, String token, ObjectNode request, Instant now,
            Duration window, Supplier<DynamoException> conflict) {
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

    private synchronized void add(String region, String token, ObjectNode request, ObjectNode description,
            Instant now) {
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
    private synchronized String page(String region, String nextToken, int max, Predicate<ObjectNode> filter,
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
