package dev.dynamotest.core.internal.ops.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.internal.protocol.AttributeValueJson;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.write.EngineContext;
import dev.dynamotest.core.model.AttributeValue;
import java.util.Map;

/**
 * The members a Query and a Scan request have alike (TableName, IndexName, Limit, Select, ExclusiveStartKey), read
 * and checked in the order DynamoDB checks them; each operation adds its own members between the steps.
 */
final class ReadRequest {

    private final ObjectNode request;
    private final String tableName;
    private final String indexName;
    private final Long limit;

    ReadRequest(ObjectNode request) {
        this.request = request;
        this.tableName = Json.text(request, "TableName");
        this.indexName = Json.text(request, "IndexName");
        this.limit = Json.integer(request, "Limit");
    }

    Long limit() {
        return limit;
    }

    /** The constraints on the shared members, not yet checked, for the operation to add its own to. */
    Constraints constraints() {
        Constraints constraints = new Constraints().tableName(tableName, "tableName");
        if (indexName != null) {
            constraints.name(indexName, "indexName", 255);
        }
        return constraints.oneOf(Json.text(request, "Select"), "select", Selection.SELECT_VALUES)
                .range(limit, "limit", 1, Integer.MAX_VALUE);
    }

    /**
     * The ExclusiveStartKey, then the checks of Select against the projection ({@code constraintPrefix} starts
     * their messages), then the table or index read.
     */
    Start resolve(EngineContext ctx, String region, boolean consistent, String constraintPrefix) {
        var node = Json.object(request, "ExclusiveStartKey");
        Map<String, AttributeValue> start = node == null ? null : AttributeValueJson.decodeItem(node);
        Selection.checkRequest(request, constraintPrefix);
        ReadTarget target = ReadTarget.resolve(ctx.table(region, tableName), indexName, consistent);
        return new Start(target, start);
    }

    /** What is read, and the key the request starts after ({@code null} for the start). */
    record Start(ReadTarget target, Map<String, AttributeValue> key) {
    }
}
