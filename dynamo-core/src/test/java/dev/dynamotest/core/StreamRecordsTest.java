package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalEndpoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

class StreamRecordsTest {

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
    }

    private static Map<String, AttributeValue> item(String pk, String status) {
        return Map.of("pk", AttributeValue.fromS(pk), "status", AttributeValue.fromS(status));
    }

    private static void putUpdateDelete(String table) {
        client.putItem(r -> r.tableName(table).item(item("A", "NEW")));
        client.updateItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("A")))
                .updateExpression("SET #s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("SHIPPED"))));
        client.deleteItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("A"))));
    }

    @ParameterizedTest
    @EnumSource(value = StreamViewType.class, names = {"KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"})
    void records_a_put_an_update_and_a_delete_in_each_view_type(StreamViewType viewType) {
        String arn = endpoint.createStreamedTable("Orders_" + viewType, viewType);

        putUpdateDelete("Orders_" + viewType);

        List<Record> records = endpoint.streamRecords(arn);
        assertThat(records).extracting(Record::eventName)
                .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        boolean olds = viewType == StreamViewType.OLD_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
        boolean news = viewType == StreamViewType.NEW_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
        for (Record record : records) {
            assertThat(record.dynamodb().keys()).isEqualTo(Map.of("pk", AttributeValue.fromS("A")));
            assertThat(record.dynamodb().streamViewType()).isEqualTo(viewType);
        }
        assertThat(records.get(0).dynamodb().newImage()).isEqualTo(news ? item("A", "NEW") : Map.of());
        assertThat(records.get(0).dynamodb().hasOldImage()).isFalse();
        assertThat(records.get(1).dynamodb().oldImage()).isEqualTo(olds ? item("A", "NEW") : Map.of());
        assertThat(records.get(1).dynamodb().newImage()).isEqualTo(news ? item("A", "SHIPPED") : Map.of());
        assertThat(records.get(2).dynamodb().oldImage()).isEqualTo(olds ? item("A", "SHIPPED") : Map.of());
        assertThat(records.get(2).dynamodb().hasNewImage()).isFalse();
    }

    @Test
    void describes_a_record_as_dynamodb_does() {
        String arn = endpoint.createStreamedTable("Described", StreamViewType.NEW_AND_OLD_IMAGES);

        client.putItem(r -> r.tableName("Described").item(item("A", "NEW")));

        Record record = endpoint.streamRecords(arn).get(0);
        assertThat(record.eventID()).matches("[0-9a-f]{32}");
        assertThat(record.eventVersion()).isEqualTo("1.1");
        assertThat(record.eventSource()).isEqualTo("aws:dynamodb");
        assertThat(record.awsRegion()).isEqualTo("us-east-1");
        assertThat(record.dynamodb().sequenceNumber()).matches("\\d{21,40}");
        assertThat(record.dynamodb().sizeBytes()).isEqualTo(3 + 12);
        assertThat(record.dynamodb().approximateCreationDateTime()).isNotNull();
        assertThat(record.dynamodb().approximateCreationDateTime().getNano()).isZero();
        assertThat(record.userIdentity()).isNull();
    }

    @Test
    void writes_that_change_nothing_leave_no_record() {
        String arn = endpoint.createStreamedTable("NoOps", StreamViewType.KEYS_ONLY);

        client.putItem(r -> r.tableName("NoOps").item(item("A", "NEW")));
        client.putItem(r -> r.tableName("NoOps").item(item("A", "NEW")));
        client.deleteItem(r -> r.tableName("NoOps").key(Map.of("pk", AttributeValue.fromS("missing"))));

        assertThat(endpoint.streamRecords(arn)).hasSize(1);
    }

    @Test
    void keeps_the_write_order_with_increasing_sequence_numbers() {
        String arn = endpoint.createStreamedTable("Ordered", StreamViewType.NEW_IMAGE);

        for (int i = 0; i < 5; i++) {
            String status = "S" + i;
            client.putItem(r -> r.tableName("Ordered").item(item("A", status)));
        }

        List<Record> records = endpoint.streamRecords(arn);
        assertThat(records).extracting(r -> r.dynamodb().newImage().get("status").s())
                .containsExactly("S0", "S1", "S2", "S3", "S4");
        assertThat(records).extracting(r -> new java.math.BigInteger(r.dynamodb().sequenceNumber())).isSorted();
    }

    @Test
    void holds_only_changes_made_while_the_stream_was_enabled() {
        endpoint.createTable("Toggled", null);
        client.putItem(r -> r.tableName("Toggled").item(item("before", "x")));
        String first = client.updateTable(r -> r.tableName("Toggled").streamSpecification(s -> s.streamEnabled(true)
                .streamViewType(StreamViewType.KEYS_ONLY))).tableDescription().latestStreamArn();
        client.putItem(r -> r.tableName("Toggled").item(item("during", "x")));
        client.updateTable(r -> r.tableName("Toggled").streamSpecification(s -> s.streamEnabled(false)));
        client.putItem(r -> r.tableName("Toggled").item(item("between", "x")));
        String second = client.updateTable(r -> r.tableName("Toggled").streamSpecification(s -> s.streamEnabled(true)
                .streamViewType(StreamViewType.KEYS_ONLY))).tableDescription().latestStreamArn();
        client.putItem(r -> r.tableName("Toggled").item(item("after", "x")));

        assertThat(second).isNotEqualTo(first);
        assertThat(endpoint.streamRecords(first)).extracting(r -> r.dynamodb().keys().get("pk").s())
                .containsExactly("during");
        assertThat(endpoint.streamRecords(second)).extracting(r -> r.dynamodb().keys().get("pk").s())
                .containsExactly("after");
    }
}
