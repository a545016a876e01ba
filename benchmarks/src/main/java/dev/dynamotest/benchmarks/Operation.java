package dev.dynamotest.benchmarks;

import static dev.dynamotest.benchmarks.Dataset.TABLE;
import static dev.dynamotest.benchmarks.Items.s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The seven operations of the workload, each one call through the SDK client. Writes key on the worker's
 * number so that threads never contend for an item, and cycle through a bounded key space.
 */
enum Operation {
    PUT_ITEM("PutItem", Operation::putItem),
    GET_ITEM("GetItem", Operation::getItem),
    QUERY("Query", Operation::query),
    UPDATE_ITEM("UpdateItem", Operation::updateItem),
    BATCH_WRITE_ITEM("BatchWriteItem", Operation::batchWriteItem),
    SCAN("Scan", Operation::scan),
    TRANSACT_WRITE_ITEMS("TransactWriteItems", Operation::transactWriteItems);

    static final int PAGE = 100;
    private static final int KEYS_PER_WORKER = 1000;
    private static final int BATCH = 25;
    private static final int TRANSACTION = 4;

    private final String wireName;
    private final Step step;

    Operation(String wireName, Step step) {
        this.wireName = wireName;
        this.step = step;
    }

    String wireName() {
        return wireName;
    }

    Step step() {
        return step;
    }

    /** The operations named in {@code PutItem,GetItem} form, in that order; all of them for a blank text. */
    static List<Operation> named(String wireNames) {
        if (wireNames.isBlank()) {
            return List.of(values());
        }
        List<Operation> operations = new ArrayList<>();
        for (String name : wireNames.split(",")) {
            Operation match = null;
            for (Operation op : values()) {
                if (op.wireName.equals(name.trim())) {
                    match = op;
                }
            }
            if (match == null) {
                throw new IllegalArgumentException("no operation " + name.trim() + " in the workload; it has "
                        + java.util.Arrays.stream(values()).map(Operation::wireName).toList());
            }
            operations.add(match);
        }
        return operations;
    }

    private static void putItem(DynamoDbClient client, Worker w) {
        String sk = Items.sortKey(w.sequence() % KEYS_PER_WORKER);
        client.putItem(b -> b.tableName(TABLE).item(Items.item("put#" + w.thread(), sk)));
    }

    private static void getItem(DynamoDbClient client, Worker w) {
        String pk = "item#" + w.random(Dataset.ITEMS);
        if (!client.getItem(b -> b.tableName(TABLE).key(Items.key(pk, "0"))).hasItem()) {
            throw new IllegalStateException("GetItem found no item " + pk);
        }
    }

    private static void query(DynamoDbClient client, Worker w) {
        String pk = "query#" + w.random(Dataset.PARTITIONS);
        QueryResponse page = client.query(b -> b.tableName(TABLE).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(pk))).limit(PAGE));
        expectCount("Query", page.count(), PAGE);
    }

    private static void updateItem(DynamoDbClient client, Worker w) {
        String pk = "item#" + w.random(Dataset.ITEMS);
        client.updateItem(b -> b.tableName(TABLE).key(Items.key(pk, "0"))
                .updateExpression("SET #state = :state ADD n :one")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":state", s("UPDATED"), ":one", AttributeValue.fromN("1"))));
    }

    private static void batchWriteItem(DynamoDbClient client, Worker w) {
        long first = w.sequence() * BATCH;
        List<WriteRequest> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            String sk = Items.sortKey((first + i) % (KEYS_PER_WORKER * 5));
            batch.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(Items.item("batch#" + w.thread(), sk)).build()).build());
        }
        BatchLoader.write(client, TABLE, batch);
    }

    /** One page of a full Scan in pages of {@value #PAGE}; the next call goes on where this one stopped. */
    private static void scan(DynamoDbClient client, Worker w) {
        Map<String, AttributeValue> start = w.scanCursor();
        ScanResponse page = client.scan(b -> b.tableName(Dataset.SCANNED).limit(PAGE).exclusiveStartKey(start));
        if (page.count() > PAGE) {
            throw new IllegalStateException("Scan answered " + page.count() + " items for a Limit of " + PAGE);
        }
        w.scanCursor(page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null);
    }

    private static void transactWriteItems(DynamoDbClient client, Worker w) {
        long first = w.sequence() * TRANSACTION;
        List<TransactWriteItem> actions = new ArrayList<>(TRANSACTION);
        for (int i = 0; i < TRANSACTION; i++) {
            String sk = Items.sortKey((first + i) % KEYS_PER_WORKER);
            actions.add(TransactWriteItem.builder()
                    .put(Put.builder().tableName(TABLE).item(Items.item("tx#" + w.thread(), sk)).build()).build());
        }
        client.transactWriteItems(b -> b.transactItems(actions));
    }

    static void expectCount(String operation, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalStateException(operation + " answered " + actual + " items, not " + expected);
        }
    }
}
