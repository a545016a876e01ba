package dev.dynamotest.core.internal.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import java.util.HashMap;
import java.util.Map;

/** Maps operation names to their implementations. */
public final class OperationRouter {

    private final Map<String, Operation> operations = new HashMap<>();

    public OperationRouter(EngineContext ctx) {
        TableOperations tables = new TableOperations(ctx);
        ItemOperations items = new ItemOperations(ctx);
        Tags tags = new Tags(ctx);
        AccountOperations account = new AccountOperations();
        QueryOperations queries = new QueryOperations(ctx);
        ScanOperations scans = new ScanOperations(ctx);
        operations.put("CreateTable", tables::createTable);
        operations.put("DescribeTable", tables::describeTable);
        operations.put("ListTables", tables::listTables);
        operations.put("UpdateTable", tables::updateTable);
        operations.put("DeleteTable", tables::deleteTable);
        operations.put("PutItem", items::putItem);
        operations.put("GetItem", items::getItem);
        operations.put("UpdateItem", items::updateItem);
        operations.put("DeleteItem", items::deleteItem);
        operations.put("Query", queries::query);
        operations.put("Scan", scans::scan);
        operations.put("TagResource", tags::tagResource);
        operations.put("UntagResource", tags::untagResource);
        operations.put("ListTagsOfResource", tags::listTagsOfResource);
        operations.put("DescribeLimits", account::describeLimits);
        operations.put("DescribeEndpoints", (region, request) -> account.describeEndpoints(region, request,
                "dynamodb." + region + ".amazonaws.com"));
    }

    /** Whether the operation exists. */
    public boolean knows(String operation) {
        return operations.containsKey(operation);
    }

    /** Runs an operation. */
    public ObjectNode execute(String region, String operation, ObjectNode request) {
        Operation op = operations.get(operation);
        if (op == null) {
            throw new DynamoException(DynamoException.CORAL_NAMESPACE, "UnknownOperationException", 400, null, null);
        }
        return op.execute(region, request);
    }
}
