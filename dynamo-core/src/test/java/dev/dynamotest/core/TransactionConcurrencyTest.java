package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalEndpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Transactions under contention: conflicting transfers between the same accounts, interleaved with single-item
 * writes, never leave a partial result, and readers never see one. The write path serialises every write, so
 * a transaction never meets another in flight: no TransactionConflict is ever reported, only failed conditions.
 */
class TransactionConcurrencyTest {

    private static final int ACCOUNTS = 6;
    private static final long OPENING_BALANCE = 100;
    private static final long TOTAL = ACCOUNTS * OPENING_BALANCE;

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
        client.createTable(b -> b.tableName("Bank").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(
                        d -> d.attributeName("pk").attributeType(ScalarAttributeType.S),
                        d -> d.attributeName("sk").attributeType(ScalarAttributeType.S),
                        d -> d.attributeName("owner").attributeType(ScalarAttributeType.S),
                        d -> d.attributeName("branch").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk").keyType("RANGE"))
                .localSecondaryIndexes(l -> l.indexName("byOwner")
                        .keySchema(k -> k.attributeName("pk").keyType("HASH"),
                                k -> k.attributeName("owner").keyType("RANGE"))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .globalSecondaryIndexes(g -> g.indexName("byBranch")
                        .keySchema(k -> k.attributeName("branch").keyType("HASH"))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
    }

    /** Opens the accounts of a bank (a partition of its own) with the opening balance each. */
    private static void open(String bank) {
        for (int i = 0; i < ACCOUNTS; i++) {
            String id = account(i);
            client.putItem(b -> b.tableName("Bank").item(Map.of("pk", s(bank), "sk", s(id), "owner", s("owner-" + id),
                    "branch", s(bank), "balance", n(OPENING_BALANCE), "ops", n(0))));
        }
    }

    private static String account(int i) {
        return "acct-" + i;
    }

    private static Map<String, AttributeValue> key(String bank, String account) {
        return Map.of("pk", s(bank), "sk", s(account));
    }

    /** Moves {@code amount} from one account to another if the first has it; both count one more operation. */
    private static boolean transfer(String bank, String from, String to, long amount) {
        try {
            client.transactWriteItems(b -> b.transactItems(
                    update(bank, from, "SET balance = balance - :a ADD ops :one", "balance >= :a", amount),
                    update(bank, to, "SET balance = balance + :a ADD ops :one", "attribute_exists(pk)", amount)));
            return true;
        } catch (TransactionCanceledException e) {
            assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
                    .as("only a failed condition may cancel a transfer")
                    .containsExactly("ConditionalCheckFailed", "None");
            return false;
        }
    }

    private static TransactWriteItem update(String bank, String account, String expression, String condition,
            long amount) {
        return TransactWriteItem.builder().update(Update.builder().tableName("Bank").key(key(bank, account))
                .updateExpression(expression).conditionExpression(condition)
                .expressionAttributeValues(Map.of(":a", n(amount), ":one", n(1))).build()).build();
    }

    @Test
    void conflicting_transfers_and_single_item_withdrawals_keep_every_unit_of_money() throws Exception {
        String bank = "mixed";
        open(bank);
        int transfers = 60;
        int withdrawals = 80;

        List<long[]> writers = runTogether(4, worker -> () -> {
            long[] done = new long[2];
            Random random = new Random(worker);
            if (worker == 0) {
                for (int i = 0; i < withdrawals; i++) {
                    String from = account(random.nextInt(ACCOUNTS));
                    try {
                        client.updateItem(b -> b.tableName("Bank").key(key(bank, from))
                                .updateExpression("SET balance = balance - :a ADD ops :one")
                                .conditionExpression("balance >= :a")
                                .expressionAttributeValues(Map.of(":a", n(1), ":one", n(1))));
                        done[1]++;
                    } catch (ConditionalCheckFailedException e) {
                        // the account was empty
                    }
                }
                return done;
            }
            for (int i = 0; i < transfers; i++) {
                int from = random.nextInt(ACCOUNTS);
                int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                if (transfer(bank, account(from), account(to), 1 + random.nextInt(40))) {
                    done[0]++;
                }
            }
            return done;
        });

        long committedTransfers = writers.stream().mapToLong(d -> d[0]).sum();
        long withdrawn = writers.stream().mapToLong(d -> d[1]).sum();
        List<Map<String, AttributeValue>> accounts = client.query(q -> q.tableName("Bank").consistentRead(true)
                .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s(bank)))).items();
        assertThat(committedTransfers).as("some transfers went through").isPositive();
        assertThat(accounts).allSatisfy(a -> assertThat(Long.parseLong(a.get("balance").n())).isNotNegative());
        assertThat(sum(accounts, "balance") + withdrawn).isEqualTo(TOTAL);
        assertThat(sum(accounts, "ops")).as("no update was lost or applied in part")
                .isEqualTo(2 * committedTransfers + withdrawn);
    }

    @Test
    void readers_never_see_a_transfer_in_part() throws Exception {
        String bank = "watched";
        open(bank);
        int writers = 2;
        AtomicInteger writing = new AtomicInteger(writers);
        Map<String, Supplier<List<Map<String, AttributeValue>>>> views = views(bank);

        List<long[]> results = runTogether(writers + views.size(), worker -> () -> {
            if (worker < writers) {
                try {
                    Random random = new Random(100 + worker);
                    long committed = 0;
                    for (int i = 0; i < 100; i++) {
                        int from = random.nextInt(ACCOUNTS);
                        int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                        committed += transfer(bank, account(from), account(to), 1 + random.nextInt(60)) ? 1 : 0;
                    }
                    return new long[] {committed};
                } finally {
                    writing.decrementAndGet();
                }
            }
            String view = new ArrayList<>(views.keySet()).get(worker - writers);
            long reads = 0;
            do {
                List<Map<String, AttributeValue>> seen = views.get(view).get();
                assertThat(seen).as(view).hasSize(ACCOUNTS);
                assertThat(sum(seen, "balance")).as("total seen by %s after %d reads", view, reads).isEqualTo(TOTAL);
                assertThat(sum(seen, "ops") % 2).as("operations seen by %s", view).isZero();
                reads++;
            } while (writing.get() > 0);
            return new long[] {reads};
        });

        assertThat(results.subList(writers, results.size())).allSatisfy(r -> assertThat(r[0]).isPositive());
    }

    /** Ways to read all accounts of a bank in one request, each of which must see whole transactions only. */
    private static Map<String, Supplier<List<Map<String, AttributeValue>>>> views(String bank) {
        Map<String, Supplier<List<Map<String, AttributeValue>>>> views = new HashMap<>();
        views.put("Query", () -> client.query(q -> q.tableName("Bank").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s(bank)))).items());
        views.put("Query on a local index", () -> client.query(q -> q.tableName("Bank").indexName("byOwner")
                .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s(bank)))).items());
        views.put("Query on a global index", () -> client.query(q -> q.tableName("Bank").indexName("byBranch")
                .keyConditionExpression("branch = :b").expressionAttributeValues(Map.of(":b", s(bank)))).items());
        views.put("Scan", () -> client.scan(q -> q.tableName("Bank").filterExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s(bank)))).items());
        views.put("TransactGetItems", () -> {
            List<TransactGetItem> gets = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                gets.add(TransactGetItem.builder().get(Get.builder().tableName("Bank").key(key(bank, account(i)))
                        .build()).build());
            }
            return client.transactGetItems(b -> b.transactItems(gets)).responses().stream()
                    .map(r -> r.item()).toList();
        });
        return views;
    }

    private static <T> List<T> runTogether(int threads, java.util.function.IntFunction<Callable<T>> worker)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<T> task = worker.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long sum(List<Map<String, AttributeValue>> items, String attribute) {
        return items.stream().mapToLong(i -> Long.parseLong(i.get(attribute).n())).sum();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
