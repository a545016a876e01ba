package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.AcknowledgedWrites;
import dev.dynamotest.core.support.ServerProcess;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The standalone endpoint with {@code --db}, killed with SIGKILL while a writer is busy and restarted on the same
 * file: every acknowledged write is there, an unanswered transaction is there whole or not at all, and the index,
 * the stream and the table catalog agree with the items. (A BatchWriteItem is not atomic as a whole, in DynamoDB
 * either: each of its items is written on its own.)
 */
class DatabaseFileCrashTest {

    private static final int ROUNDS = 5;
    private static final String TABLE = "Orders";
    private static final String INDEX = "byGroup";
    private static final int GROUPS = 4;
    private static final int BATCH = 5;

    @TempDir
    Path dir;

    @Test
    void acknowledged_writes_survive_sigkill_of_the_server() throws Exception {
        String db = dir.resolve("data").toString();
        AcknowledgedWrites writes = new AcknowledgedWrites();
        List<String> roundTables = new ArrayList<>();
        Random random = new Random(18);
        ServerProcess server = ServerProcess.start("--port", "0", "--db", db);
        try {
            try (DynamoDbClient client = server.client()) {
                createOrders(client);
            }
            for (int round = 1; round <= ROUNDS; round++) {
                long before = writes.acknowledgedCount();
                try (DynamoDbClient client = server.client()) {
                    Writers writers = new Writers(client, writes, round);
                    Thread.sleep(200 + random.nextInt(200));
                    String roundTable = "Round" + round;
                    client.createTable(r -> r.tableName(roundTable).billingMode(BillingMode.PAY_PER_REQUEST)
                            .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                                    .attributeType(ScalarAttributeType.S).build())
                            .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
                    roundTables.add(roundTable);
                    Thread.sleep(400 + random.nextInt(800));
                    server.kill();
                    writers.join();
                }
                assertThat(writes.acknowledgedCount() - before).as("writes acknowledged in round %d", round)
                        .isPositive();

                server = ServerProcess.start("--port", "0", "--db", db);
                try (DynamoDbClient client = server.client(); DynamoDbStreamsClient streams = server.streams()) {
                    assertThat(client.listTables().tableNames()).as("tables after round %d", round)
                            .containsAll(roundTables).contains(TABLE);
                    TableDescription orders = client.describeTable(r -> r.tableName(TABLE)).table();
                    assertThat(orders.tableStatus()).isEqualTo(TableStatus.ACTIVE);
                    assertThat(orders.globalSecondaryIndexes()).singleElement()
                            .satisfies(i -> assertThat(i.indexName()).isEqualTo(INDEX));
                    Map<String, Map<String, AttributeValue>> items = scan(client);
                    assertThat(writes.compareAndSettle(items)).as("differences after round %d", round).isEmpty();
                    assertThat(queryIndex(client)).as("the index after round %d", round).isEqualTo(items);
                    assertThat(latestStreamImages(client, streams)).as("the stream after round %d", round)
                            .isEqualTo(items);
                }
            }
        } finally {
            server.close();
        }
    }

    private static void createOrders(DynamoDbClient client) {
        client.createTable(r -> r.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("g").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(INDEX)
                        .keySchema(KeySchemaElement.builder().attributeName("g").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("pk").keyType(KeyType.RANGE).build())
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
    }

    private static Map<String, Map<String, AttributeValue>> scan(DynamoDbClient client) {
        Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        client.scanPaginator(r -> r.tableName(TABLE).consistentRead(true)).items()
                .forEach(item -> items.put(item.get("pk").s(), item));
        return items;
    }

    private static Map<String, Map<String, AttributeValue>> queryIndex(DynamoDbClient client) {
        Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        for (int g = 0; g < GROUPS; g++) {
            String group = "g" + g;
            client.queryPaginator(r -> r.tableName(TABLE).indexName(INDEX).keyConditionExpression("g = :g")
                            .expressionAttributeValues(Map.of(":g", AttributeValue.fromS(group)))).items()
                    .forEach(item -> items.put(item.get("pk").s(), item));
        }
        return items;
    }

    /** The new image of the latest stream record of every key, read from the start of every shard. */
    private static Map<String, Map<String, AttributeValue>> latestStreamImages(DynamoDbClient client,
            DynamoDbStreamsClient streams) {
        String arn = client.describeTable(r -> r.tableName(TABLE)).table().latestStreamArn();
        Map<String, Record> latest = new HashMap<>();
        List<Shard> shards = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards();
        for (Shard shard : shards) {
            String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                var page = streams.getRecords(r -> r.shardIterator(current).limit(1000));
                for (Record record : page.records()) {
                    String key = record.dynamodb().keys().get("pk").s();
                    Record before = latest.get(key);
                    if (before == null || sequence(record).compareTo(sequence(before)) > 0) {
                        latest.put(key, record);
                    }
                }
                iterator = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        Map<String, Map<String, AttributeValue>> images = new HashMap<>();
        latest.forEach((key, record) -> {
            if (record.dynamodb().hasNewImage()) {
                images.put(key, record.dynamodb().newImage());
            }
        });
        return images;
    }

    private static BigInteger sequence(Record record) {
        return new BigInteger(record.dynamodb().sequenceNumber());
    }

    /**
     * Four writers on their own threads until the server dies: PutItem overwriting a small set of keys,
     * BatchWriteItem of new items, TransactWriteItems of two new items, and UpdateItem adding one to a counter.
     */
    private static final class Writers {

        private final List<Thread> threads = new ArrayList<>();
        private final AtomicBoolean failed = new AtomicBoolean();

        Writers(DynamoDbClient client, AcknowledgedWrites writes, int round) {
            start("puts", () -> {
                for (int i = 0; ; i++) {
                    String key = "put-" + (i % 50);
                    Map<String, AttributeValue> item = item(key, round * 100_000 + i);
                    if (!write(writes, Map.of(key, item), () -> client.putItem(r -> r.tableName(TABLE).item(item)))) {
                        return;
                    }
                }
            });
            start("batches", () -> {
                for (int i = 0; ; i++) {
                    Map<String, Map<String, AttributeValue>> items = new LinkedHashMap<>();
                    for (int j = 0; j < BATCH; j++) {
                        String key = "batch-" + round + "-" + i + "-" + j;
                        items.put(key, item(key, j));
                    }
                    List<WriteRequest> requests = items.values().stream()
                            .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build())
                                    .build())
                            .toList();
                    BatchWriteItemResponse[] response = new BatchWriteItemResponse[1];
                    if (!write(writes, items, () -> response[0] = client.batchWriteItem(
                            r -> r.requestItems(Map.of(TABLE, requests))))) {
                        return;
                    }
                    assertThat(response[0].unprocessedItems()).isEmpty();
                }
            });
            start("transactions", () -> {
                for (int i = 0; ; i++) {
                    Map<String, Map<String, AttributeValue>> items = new LinkedHashMap<>();
                    for (String side : List.of("a", "b")) {
                        String key = "tx-" + round + "-" + i + "-" + side;
                        items.put(key, item(key, i));
                    }
                    List<TransactWriteItem> puts = items.values().stream()
                            .map(item -> TransactWriteItem.builder().put(p -> p.tableName(TABLE).item(item)).build())
                            .toList();
                    if (!write(writes, items, true, () -> client.transactWriteItems(r -> r.transactItems(puts)))) {
                        return;
                    }
                }
            });
            start("counter", () -> {
                while (true) {
                    Map<String, AttributeValue> now = writes.acknowledgedItem("counter").orElse(null);
                    long n = now == null ? 0 : Long.parseLong(now.get("n").n());
                    Map<String, AttributeValue> next = counter(n + 1);
                    Map<String, AttributeValue>[] returned = new Map[1];
                    boolean answered = write(writes, Map.of("counter", next), () -> returned[0] = client.updateItem(
                            r -> r.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS("counter")))
                                    .updateExpression("ADD n :one SET g = :g")
                                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                                            ":g", AttributeValue.fromS("g0")))
                                    .returnValues(ReturnValue.ALL_NEW)).attributes());
                    if (!answered) {
                        return;
                    }
                    assertThat(returned[0]).isEqualTo(next);
                }
            });
        }

        private static Map<String, AttributeValue> item(String key, long value) {
            return Map.of("pk", AttributeValue.fromS(key), "g", AttributeValue.fromS("g" + Math.floorMod(
                    key.hashCode() + value, GROUPS)), "v", AttributeValue.fromN(Long.toString(value)),
                    "pad", AttributeValue.fromS("x".repeat(100 + (int) (value % 100))));
        }

        private static Map<String, AttributeValue> counter(long n) {
            return Map.of("pk", AttributeValue.fromS("counter"), "g", AttributeValue.fromS("g0"),
                    "n", AttributeValue.fromN(Long.toString(n)));
        }

        /** Sends one write; records it as acknowledged or unanswered; false once the server is gone. */
        private static boolean write(AcknowledgedWrites writes, Map<String, Map<String, AttributeValue>> items,
                Runnable call) {
            return write(writes, items, false, call);
        }

        private static boolean write(AcknowledgedWrites writes, Map<String, Map<String, AttributeValue>> items,
                boolean atomic, Runnable call) {
            try {
                call.run();
            } catch (SdkClientException e) {
                writes.unanswered(items, atomic);
                return false;
            }
            writes.acknowledged(items);
            return true;
        }

        private void start(String name, Runnable loop) {
            Thread thread = new Thread(() -> {
                try {
                    loop.run();
                } catch (Throwable t) {
                    failed.set(true);
                    throw t;
                }
            }, "writer " + name);
            threads.add(thread);
            thread.start();
        }

        void join() throws InterruptedException {
            for (Thread thread : threads) {
                thread.join(30_000);
                assertThat(thread.isAlive()).as("%s still runs 30 s after the server died", thread.getName())
                        .isFalse();
            }
            assertThat(failed).as("a writer failed otherwise than by losing the server").isFalse();
        }
    }
}
