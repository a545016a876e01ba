package dev.dynamotest.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One DynamoDB API call as the engine sees it: the region, the operation name ({@code PutItem},
 * {@code DescribeStream}, ...), the JSON body and the HTTP headers it came with (empty in process).
 */
public record DynamoRequest(String region, String operation, ObjectNode body, Map<String, String> headers) {

    public DynamoRequest {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
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
