package dev.dynamotest.core.internal.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.dynamotest.core.DynamoException;
import java.util.List;
import java.util.Map;

/**
 * A throttled request as DynamoDB reports it: ProvisionedThroughputExceededException (member
 * {@code ThrottlingReasons}) or ThrottlingException (member {@code throttlingReasons}), each reason a
 * {@code {reason, resource}} pair naming the table or index ARN.
 */
public final class ThrottlingError extends DynamoException {

    static final String PROVISIONED_TYPE = "ProvisionedThroughputExceededException";
    static final String THROTTLING_TYPE = "ThrottlingException";

    static final String TABLE_MESSAGE = "The level of configured provisioned throughput for the table was exceeded. "
            + "Consider increasing your provisioning level with the UpdateTable API.";
    static final String INDEX_MESSAGE = "The level of configured provisioned throughput for one or more global "
            + "secondary indexes of the table was exceeded. Consider increasing your provisioning level for the "
            + "under-provisioned global secondary indexes with the UpdateTable API";
    static final String ON_DEMAND_MESSAGE = "Throughput exceeds the current capacity of your table or index. DynamoDB "
            + "is automatically scaling your table or index so please try again shortly. If exceptions persist, check "
            + "if you have a hot key: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
            + "bp-partition-key-design.html";
    static final String MAX_MESSAGE = "Throughput exceeds the maximum OnDemandThroughput configured on table or index";

    /** One reason: the throttling reason name and the ARN of the table or index. */
    record Reason(String reason, String resource) {
    }

    private final transient List<Reason> reasons;

    ThrottlingError(String type, String message, List<Reason> reasons) {
        super(DYNAMODB_NAMESPACE, type, 400, message, null);
        this.reasons = List.copyOf(reasons);
    }

    @Override
    public Map<String, JsonNode> details() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (Reason r : reasons) {
            list.addObject().put("reason", r.reason()).put("resource", r.resource());
        }
        return Map.of(PROVISIONED_TYPE.equals(type()) ? "ThrottlingReasons" : "throttlingReasons", list);
    }
}
