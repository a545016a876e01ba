package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.changes.ChangeHistory;
import dev.dynamotest.core.model.ChangeRecord;
import dev.dynamotest.core.support.LocalEndpoint;
import dev.dynamotest.core.tables.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Change records are dropped once neither streams, point-in-time recovery nor a live capture needs them. */
class ChangeRetentionTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private final ControllableClock clock = new ControllableClock().freezeAt(T0);
    private LocalEndpoint endpoint;
    private DynamoDbClient client;
    private DynamoEngine engine;

    @BeforeEach
    void start() {
        endpoint = new LocalEndpoint(EngineConfig.builder().clock(clock).build());
        client = endpoint.client();
        engine = endpoint.server().engine();
        endpoint.createTable("Plain", null);
        endpoint.createTable("Recoverable", null);
        client.updateContinuousBackups(r -> r.tableName("Recoverable")
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(2)));
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private void put(String table, String pk) {
        client.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk))));
    }

    private long recordsOf(String table) {
        return engine.changes().since(0).stream().map(ChangeRecord::tableName).filter(table::equals).count();
    }

    @Test
    void drops_records_past_stream_retention_or_the_recovery_period() {
        put("Plain", "old");
        put("Recoverable", "old");
        clock.advance(Duration.ofHours(12));
        put("Plain", "newer");
        put("Recoverable", "newer");

        clock.advance(Duration.ofHours(13));
        client.listTables();

        assertThat(recordsOf("Plain")).isEqualTo(1);
        assertThat(recordsOf("Recoverable")).isEqualTo(2);
        clock.advance(Duration.ofDays(2));
        put("Plain", "latest");
        clock.advance(Duration.ofMinutes(1));
        client.listTables();
        assertThat(recordsOf("Recoverable")).isZero();
        assertThat(recordsOf("Plain")).isEqualTo(1);
    }

    @Test
    void keeps_what_a_live_capture_promises() {
        ChangeHistory capture = engine.changes().fromNow();
        put("Plain", "a");
        put("Plain", "b");

        clock.advance(Duration.ofDays(3));
        put("Plain", "c");
        client.listTables();

        assertThat(capture.records("Plain")).hasSize(3);
    }

    @Test
    void a_table_past_its_dropped_records_cannot_be_rebuilt_before_them() {
        put("Plain", "a");
        clock.advance(Duration.ofHours(25));
        put("Plain", "b");
        clock.advance(Duration.ofMinutes(1));
        client.listTables();
        Table table = engine.tables().get("us-east-1", "Plain");

        assertThat(table.itemsAt(T0.plus(Duration.ofHours(2)))).hasSize(1);
        assertThatThrownBy(() -> table.itemsAt(T0.plusSeconds(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("are known from 2024-05-01T11:01:00Z on");
    }
}
