package dev.dynamotest.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One DynamoDB API call as the engine sees it: the region, the operation name ({@code PutItem},
 * {@code DescribeStream}, ...), the JSON body, the HTTP headers it came with (empty in process), its origin and the
 * {@link Door} it came through.
 *
 * <pre>{@code
 * engine.handle(new DynamoRequest("us-east-1", "ListTables", body, Map.of()));     // as a client would
 * engine.handle(DynamoRequest.setup("us-east-1", "CreateTable", body));           // test setup
 * }</pre>
 */
public record DynamoRequest(String region, String operation, ObjectNode body, Map<String, String> headers,
        Origin origin, Door door) {

    /** Who sends a request. */
    public enum Origin {
        /** The application, the code under test: the request passes the whole interceptor chain. */
        CLIENT,
        /**
         * The test's setup (declared tables, seed data): the request skips the interceptors, region outages and
         * auto scaling, so it is neither journalled nor faulted.
         */
        SETUP
    }

    public DynamoRequest {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        origin = origin == null ? Origin.CLIENT : origin;
        door = door == null ? Door.ENGINE : door;
    }

    /** A request of that origin made by a direct call of the engine ({@link Door#ENGINE}). */
    public DynamoRequest(String region, String operation, ObjectNode body, Map<String, String> headers,
            Origin origin) {
        this(region, operation, body, headers, origin, Door.ENGINE);
    }

    /** A client request made by a direct call of the engine ({@link Door#ENGINE}). */
    public DynamoRequest(String region, String operation, ObjectNode body, Map<String, String> headers) {
        this(region, operation, body, headers, Origin.CLIENT);
    }

    /** A setup request: creating and seeding tables, not the code under test. */
    public static DynamoRequest setup(String region, String operation, ObjectNode body) {
        return new DynamoRequest(region, operation, body, Map.of(), Origin.SETUP);
    }

    /** The same request as if it had come through that door. */
    public DynamoRequest through(Door door) {
        return new DynamoRequest(region, operation, body, headers, origin, door);
    }

    /** A header value by case-insensitive name, or {@code null}. */
    public String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The table the request names in {@code TableName}, or {@code null}. */
    public String tableName() {
        return body != null && body.hasNonNull("TableName") ? body.get("TableName").asText() : null;
    }
}
