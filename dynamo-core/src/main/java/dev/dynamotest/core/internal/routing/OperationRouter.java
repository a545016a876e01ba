package dev.dynamotest.core.internal.routing;

import dev.dynamotest.core.internal.ops.globaltables.LegacyGlobalTables;
import dev.dynamotest.core.internal.ops.items.ItemOperations;
import dev.dynamotest.core.internal.ops.query.QueryOperations;
import dev.dynamotest.core.internal.ops.query.ScanOperations;
import dev.dynamotest.core.internal.ops.tables.AccountOperations;
import dev.dynamotest.core.internal.ops.tables.TableOperations;
import dev.dynamotest.core.internal.ops.tables.Tags;
import dev.dynamotest.core.internal.ops.transactions.BatchGetItemOperation;
import dev.dynamotest.core.internal.ops.transactions.BatchWriteItemOperation;
import dev.dynamotest.core.internal.ops.transactions.TransactGetItemsOperation;
import dev.dynamotest.core.internal.ops.transactions.TransactWriteItemsOperation;
import dev.dynamotest.core.internal.write.EngineContext;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.DynamoRequest;
import dev.dynamotest.core.internal.ops.autoscaling.AutoScaling;
import dev.dynamotest.core.internal.ops.streams.StreamOperations;
import dev.dynamotest.core.internal.streams.StreamReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Maps operation names, of DynamoDB and of DynamoDB Streams, to their implementations. */
public final class OperationRouter {

    /** The one operation that answers from the request's headers: the endpoint to use is the one called. */
    private static final String DESCRIBE_ENDPOINTS = "DescribeEndpoints";

    private static final Set<String> STREAMS_OPERATIONS = Set.of("ListStreams", "DescribeStream", "GetShardIterator",
            "GetRecords");

    private final Map<String, Operation> operations = new HashMap<>();
    private final AccountOperations account;

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
        operations.put("BatchGetItem", new BatchGetItemOperation(ctx));
        operations.put("BatchWriteItem", new BatchWriteItemOperation(ctx));
        operations.put("TransactGetItems", new TransactGetItemsOperation(ctx));
        operations.put("TransactWriteItems", new TransactWriteItemsOperation(ctx));
        operations.put("Query", queries::query);
        operations.put("Scan", scans::scan);
        operations.put("TagResource", tags::tagResource);
        operations.put("UntagResource", tags::untagResource);
        operations.put("ListTagsOfResource", tags::listTagsOfResource);
        operations.put("DescribeLimits", account::describeLimits);
        LegacyGlobalTables globalTables = new LegacyGlobalTables(ctx);
        operations.put("CreateGlobalTable", globalTables::createGlobalTable);
        operations.put("DescribeGlobalTable", globalTables::describeGlobalTable);
        operations.put("UpdateGlobalTable", globalTables::updateGlobalTable);
        operations.put("ListGlobalTables", globalTables::listGlobalTables);
        operations.put("DescribeGlobalTableSettings", globalTables::describeGlobalTableSettings);
        operations.put("UpdateGlobalTableSettings", globalTables::updateGlobalTableSettings);
        StreamOperations streams = new StreamOperations(new StreamReader(ctx.streams()), ctx.config().clock());
        operations.put("ListStreams", streams::listStreams);
        operations.put("DescribeStream", streams::describeStream);
        operations.put("GetShardIterator", streams::getShardIterator);
        operations.put("GetRecords", streams::getRecords);
        this.account = account;
    }

    /** Adds (or replaces) an operation under its DynamoDB name. */
    public void register(String name, Operation operation) {
        operations.put(name, operation);
    }

    /** Whether the DynamoDB operation exists. */
    public boolean knows(String operation) {
        return operations.containsKey(operation) && !STREAMS_OPERATIONS.contains(operation)
                && !AutoScaling.OPERATIONS.contains(operation)
                || DESCRIBE_ENDPOINTS.equals(operation);
    }

    /** Whether the Application Auto Scaling operation exists. */
    public boolean knowsAutoScaling(String operation) {
        return AutoScaling.OPERATIONS.contains(operation) && operations.containsKey(operation);
    }

    /** Whether the DynamoDB Streams operation exists. */
    public boolean knowsStreams(String operation) {
        return STREAMS_OPERATIONS.contains(operation);
    }

    /** Runs an operation. */
    public ObjectNode execute(DynamoRequest request, ObjectNode body) {
        if (DESCRIBE_ENDPOINTS.equals(request.operation())) {
            String host = request.header("Host");
            return account.describeEndpoints(request.region(), body,
                    host != null ? host : "dynamodb." + request.region() + ".amazonaws.com");
        }
        Operation op = operations.get(request.operation());
        if (op == null) {
            throw new DynamoException(DynamoException.CORAL_NAMESPACE, "UnknownOperationException", 400, null, null);
        }
        return op.execute(request.region(), body);
    }
}
