package dev.dynamotest.core;

import static dev.dynamotest.core.BatchWriteTest.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.requests.RecordedRequest;
import dev.dynamotest.core.requests.RequestJournal;
import dev.dynamotest.core.support.LocalEndpoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** PartiQL seen by the rest of the engine: capacity, streams, the request journal, interceptors and throttling. */
class PartiqlEngineTest {

    private static DynamoDbClient clientWithoutRetries(LocalEndpoint endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .httpClient(endpoint.httpClient())
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()))
                .build();
    }

    @Test
    void statements_consume_the_capacity_of_the_operations_they_run_as() {
        try (LocalEndpoint endpoint = new LocalEndpoint()) {
            DynamoDbClient client = endpoint.client();
            endpoint.createTable("Orders", null);

            ConsumedCapacity insert = client.executeStatement(r -> r.statement(
                    "INSERT INTO Orders VALUE {'pk': 'a', 'n': 1}").returnConsumedCapacity(
                            ReturnConsumedCapacity.TOTAL)).consumedCapacity();
            ConsumedCapacity get = client.executeStatement(r -> r.statement("SELECT * FROM Orders WHERE pk = 'a'")
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
            ConsumedCapacity strongGet = client.executeStatement(r -> r.statement(
                    "SELECT * FROM Orders WHERE pk = 'a'").consistentRead(true)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
            ConsumedCapacity scan = client.executeStatement(r -> r.statement("SELECT * FROM Orders WHERE n = 1")
                    .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
            List<ConsumedCapacity> batch = client.batchExecuteStatement(r -> r.statements(
                    BatchStatementRequest.builder().statement("UPDATE Orders SET n = 2 WHERE pk = 'a'").build(),
                    BatchStatementRequest.builder().statement("INSERT INTO Orders VALUE {'pk': 'b'}").build())
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
            List<ConsumedCapacity> transaction = client.executeTransaction(r -> r.transactStatements(
                    ParameterizedStatement.builder().statement("DELETE FROM Orders WHERE pk = 'b'").build())
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

            assertThat(insert.tableName()).isEqualTo("Orders");
            assertThat(insert.capacityUnits()).isEqualTo(1.0);
            assertThat(get.capacityUnits()).isEqualTo(0.5);
            assertThat(strongGet.capacityUnits()).isEqualTo(1.0);
            assertThat(scan.capacityUnits()).isEqualTo(0.5);
            assertThat(scan.table().capacityUnits()).isEqualTo(0.5);
            assertThat(batch).singleElement().satisfies(c -> assertThat(c.capacityUnits()).isEqualTo(2.0));
            assertThat(transaction).singleElement().satisfies(c -> assertThat(c.capacityUnits()).isEqualTo(2.0));
        }
    }

    @Test
    void writes_by_statement_make_stream_records() {
        try (LocalEndpoint endpoint = new LocalEndpoint()) {
            DynamoDbClient client = endpoint.client();
            String stream = endpoint.createStreamedTable("Events", StreamViewType.NEW_AND_OLD_IMAGES);

            client.executeStatement(r -> r.statement("INSERT INTO Events VALUE {'pk': 'e', 'v': 1}"));
            client.executeStatement(r -> r.statement("UPDATE Events SET v = 2 WHERE pk = 'e'"));
            client.executeStatement(r -> r.statement("DELETE FROM Events WHERE pk = 'e'"));

            List<Record> records = endpoint.streamRecords(stream);
            assertThat(records).extracting(Record::eventNameAsString).containsExactly("INSERT", "MODIFY", "REMOVE");
            assertThat(records.get(1).dynamodb().oldImage()).containsEntry("v", BatchWriteTest.n("1"));
            assertThat(records.get(1).dynamodb().newImage()).containsEntry("v", BatchWriteTest.n("2"));
        }
    }

    @Test
    void writes_by_statement_replicate_to_the_global_tables_replicas() {
        try (LocalEndpoint endpoint = new LocalEndpoint()) {
            DynamoDbClient us = endpoint.client(Region.US_EAST_1);
            DynamoDbClient eu = endpoint.client(Region.EU_WEST_1);
            us.createTable(r -> r.tableName("Global").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(LocalEndpoint.key("pk", KeyType.HASH)).attributeDefinitions(LocalEndpoint.attribute("pk"))
                    .streamSpecification(st -> st.streamEnabled(true)
                            .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
            us.updateTable(r -> r.tableName("Global").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));

            us.executeStatement(r -> r.statement("INSERT INTO \"Global\" VALUE {'pk': 'g', 'v': 1}"));
            us.executeStatement(r -> r.statement("UPDATE \"Global\" SET v = 2 WHERE pk = 'g'"));
            endpoint.server().engine().replication().awaitQuiet();

            assertThat(eu.executeStatement(r -> r.statement("SELECT v FROM \"Global\" WHERE pk = 'g'")).items())
                    .containsExactly(Map.of("v", BatchWriteTest.n("2")));
        }
    }

    @Test
    void the_journal_and_interceptors_see_the_partiql_operation_and_its_table() {
        try (LocalEndpoint endpoint = new LocalEndpoint()) {
            DynamoDbClient client = clientWithoutRetries(endpoint);
            endpoint.createTable("Orders", null);
            DynamoEngine engine = endpoint.server().engine();
            engine.addInterceptor((request, next) -> {
                if (Operation.of(request.operation()) == Operation.EXECUTE_STATEMENT
                        && RequestJournal.tablesOf(request.body()).contains("Orders")
                        && request.body().path("Statement").asText().startsWith("DELETE")) {
                    throw new DynamoException("ThrottlingException", "Rate of requests exceeds the allowed throughput.");
                }
                return next.proceed(request);
            });
            long mark = engine.requests().mark();

            client.executeStatement(r -> r.statement("INSERT INTO \"Orders\" VALUE {'pk': 'a'}"));
            assertThatThrownBy(() -> client.executeStatement(r -> r.statement("DELETE FROM Orders WHERE pk = 'a'")))
                    .hasMessageStartingWith("Rate of requests exceeds the allowed throughput.");
            client.batchExecuteStatement(r -> r.statements(BatchStatementRequest.builder()
                    .statement("SELECT * FROM Orders WHERE pk = 'a'").build()));
            client.executeTransaction(r -> r.transactStatements(ParameterizedStatement.builder()
                    .statement("UPDATE Orders SET v = 1 WHERE pk = 'a'").build()));

            List<RecordedRequest> recorded = engine.requests().since(mark).list();
            assertThat(recorded).extracting(RecordedRequest::operation).containsExactly(Operation.EXECUTE_STATEMENT,
                    Operation.EXECUTE_STATEMENT, Operation.BATCH_EXECUTE_STATEMENT, Operation.EXECUTE_TRANSACTION);
            assertThat(recorded).allSatisfy(r -> assertThat(r.tables()).containsExactly("Orders"));
            assertThat(recorded.get(1).errorType()).isEqualTo("ThrottlingException");
            assertThat(client.getItem(r -> r.tableName("Orders").key(Map.of("pk", s("a")))).item())
                    .containsKey("v");
        }
    }

    @Test
    void the_journal_names_the_index_a_select_reads() {
        try (LocalEndpoint endpoint = new LocalEndpoint()) {
            DynamoDbClient client = clientWithoutRetries(endpoint);
            client.createTable(r -> r.tableName("Orders").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(LocalEndpoint.key("pk", KeyType.HASH))
                    .attributeDefinitions(LocalEndpoint.attribute("pk"), LocalEndpoint.attribute("status"))
                    .globalSecondaryIndexes(g -> g.indexName("byStatus")
                            .keySchema(LocalEndpoint.key("status", KeyType.HASH))
                            .projection(p -> p.projectionType("ALL"))));
            client.executeStatement(r -> r.statement("INSERT INTO Orders VALUE {'pk': 'a', 'status': 'NEW'}"));
            long mark = endpoint.server().engine().requests().mark();

            var onIndex = client.executeStatement(
                    r -> r.statement("SELECT pk FROM \"Orders\".\"byStatus\" WHERE status = 'NEW'")).items();
            client.executeStatement(r -> r.statement("SELECT * FROM Orders WHERE pk = 'a'"));
            client.executeStatement(r -> r.statement("SELECT pk FROM Orders.byStatus WHERE status = 'OLD'"));

            assertThat(onIndex).containsExactly(Map.of("pk", s("a")));
            assertThat(endpoint.server().engine().requests().since(mark).list())
                    .extracting(RecordedRequest::index).containsExactly("byStatus", null, "byStatus");
        }
    }

    @Test
    void enforced_capacity_throttles_statements_as_the_operations_they_run_as() {
        ControllableClock clock = new ControllableClock();
        try (LocalEndpoint endpoint = new LocalEndpoint(EngineConfig.builder().clock(clock)
                .capacityMode(CapacityMode.ENFORCE).build())) {
            DynamoDbClient client = clientWithoutRetries(endpoint);
            client.createTable(r -> r.tableName("Slow").keySchema(LocalEndpoint.key("pk", KeyType.HASH))
                    .attributeDefinitions(LocalEndpoint.attribute("pk"))
                    .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)));
            clock.freeze();

            client.executeStatement(r -> r.statement("INSERT INTO Slow VALUE {'pk': 'a'}"));

            assertThatThrownBy(() -> client.executeStatement(r -> r.statement("INSERT INTO Slow VALUE {'pk': 'b'}")))
                    .isInstanceOf(ProvisionedThroughputExceededException.class);
            assertThat(endpoint.server().engine().capacity().throttles()).singleElement().satisfies(e ->
                    assertThat(e.reason()).isEqualTo("TableWriteProvisionedThroughputExceeded"));
        }
    }
}
