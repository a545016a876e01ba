package dev.dynamotest.core;

import dev.dynamotest.core.support.LocalEndpoint;
import static dev.dynamotest.core.support.LocalEndpoint.assertError;
import static dev.dynamotest.core.support.LocalEndpoint.attribute;
import static dev.dynamotest.core.support.LocalEndpoint.key;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class TableStreamSpecificationTest {

    private static final String INVALID = "One or more parameter values were invalid: ";
    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
    }

    private static TableDescription describe(String name) {
        return client.describeTable(r -> r.tableName(name)).table();
    }

    @Test
    void describes_the_stream_of_a_new_table_with_label_and_arn() {
        TableDescription created = client.createTable(r -> r.tableName("Streamed")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                .tableDescription();

        assertThat(created.streamSpecification().streamEnabled()).isTrue();
        assertThat(created.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(created.latestStreamLabel()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}");
        assertThat(created.latestStreamArn()).isEqualTo(created.tableArn() + "/stream/" + created.latestStreamLabel());
        assertThat(describe("Streamed").latestStreamArn()).isEqualTo(created.latestStreamArn());
    }

    @Test
    void creates_no_stream_when_disabled() {
        endpoint.createTable("NoStream", null);
        client.deleteTable(r -> r.tableName("NoStream"));
        client.createTable(r -> r.tableName("NoStream").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"))
                .streamSpecification(s -> s.streamEnabled(false)));

        TableDescription described = describe("NoStream");

        assertThat(described.streamSpecification()).isNull();
        assertThat(described.latestStreamArn()).isNull();
    }

    @Test
    void enables_and_disables_a_stream_keeping_the_latest_arn() {
        endpoint.createTable("Toggled", null);

        TableDescription enabled = client.updateTable(r -> r.tableName("Toggled")
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)))
                .tableDescription();
        client.updateTable(r -> r.tableName("Toggled").streamSpecification(s -> s.streamEnabled(false)));
        TableDescription disabled = describe("Toggled");
        client.updateTable(r -> r.tableName("Toggled")
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        TableDescription reenabled = describe("Toggled");

        assertThat(disabled.streamSpecification()).isNull();
        assertThat(disabled.latestStreamArn()).isEqualTo(enabled.latestStreamArn());
        assertThat(reenabled.latestStreamArn()).isNotEqualTo(enabled.latestStreamArn());
        assertThat(reenabled.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
    }

    @Test
    void keeps_the_stream_through_other_updates() {
        client.createTable(r -> r.tableName("KeptStream").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));

        TableDescription updated = client.updateTable(r -> r.tableName("KeptStream")
                .billingMode(BillingMode.PAY_PER_REQUEST)).tableDescription();

        assertThat(updated.streamSpecification().streamViewType()).isEqualTo(StreamViewType.KEYS_ONLY);
    }

    @Test
    void rejects_enabling_an_enabled_stream() {
        client.createTable(r -> r.tableName("AlreadyStreamed").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));

        assertError(() -> client.updateTable(r -> r.tableName("AlreadyStreamed")
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.OLD_IMAGE))),
                "ValidationException", "Table already has an enabled stream: TableName: AlreadyStreamed");
    }

    @Test
    void rejects_disabling_a_missing_stream() {
        endpoint.createTable("NeverStreamed", null);

        assertError(() -> client.updateTable(r -> r.tableName("NeverStreamed")
                        .streamSpecification(s -> s.streamEnabled(false))), "ValidationException",
                "Table has no stream to disable: TableName: NeverStreamed");
    }

    @Test
    void rejects_a_view_type_when_disabling() {
        endpoint.createTable("DisableWithType", null);

        assertError(() -> client.updateTable(r -> r.tableName("DisableWithType")
                        .streamSpecification(s -> s.streamEnabled(false).streamViewType(StreamViewType.KEYS_ONLY))),
                "ValidationException",
                INVALID + "If stream is being disabled, then UpdateViewType must not be specified");
    }

    @Test
    void rejects_an_unknown_view_type() {
        endpoint.createTable("BadViewType", null);

        assertError(() -> client.updateTable(r -> r.tableName("BadViewType")
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType("Fisk"))),
                "ValidationException", "1 validation error detected: Value 'Fisk' at "
                        + "'streamSpecification.streamViewType' failed to satisfy constraint: Member must satisfy "
                        + "enum value set: [NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]");
    }
}
