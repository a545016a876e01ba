package dev.dynamotest.assertions;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.assertions.support.TestEndpoint;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Assertions on restores (matchesTableAt) and on expired items (containsExpiredItem, hasNoExpiredItems). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleAssertTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private final TestEndpoint endpoint = new TestEndpoint();

    @BeforeEach
    void reset() {
        endpoint.clock().freezeAt(T0);
        endpoint.reset();
    }

    @AfterAll
    void close() {
        endpoint.close();
    }

    private void restoreOrdersTo(Instant at) {
        endpoint.clock().freezeAt(T0.plus(Duration.ofMinutes(10)));
        endpoint.client().restoreTableToPointInTime(r -> r.sourceTableName("Orders").targetTableName("Orders_restored")
                .restoreDateTime(at));
    }

    private void ordersAtThreeTimes() {
        endpoint.client().updateContinuousBackups(r -> r.tableName("Orders")
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
        endpoint.clock().freezeAt(T0.plusSeconds(1));
        endpoint.put("Orders", "pk", "A#1", "sk", 1, "status", "NEW");
        endpoint.clock().freezeAt(T0.plusSeconds(2));
        endpoint.put("Orders", "pk", "A#1", "sk", 1, "status", "PAID");
        endpoint.put("Orders", "pk", "A#2", "sk", 1, "status", "NEW");
    }

    @Test
    void matches_table_at_passes_for_a_restore_to_that_time() {
        ordersAtThreeTimes();
        restoreOrdersTo(T0.plusSeconds(1));

        assertThat(endpoint.table("Orders_restored")).matchesTableAt("Orders", T0.plusSeconds(1));
    }

    @Test
    void matches_table_at_fails_showing_the_differences() {
        ordersAtThreeTimes();
        restoreOrdersTo(T0.plusSeconds(1));

        assertThatThrownBy(() -> assertThat(endpoint.table("Orders_restored"))
                .matchesTableAt("Orders", T0.plusSeconds(2))).hasMessage("""
                [Table Orders_restored (us-east-1)]
                Expecting table to hold exactly what table Orders held at 2024-05-01T10:00:02Z:
                  {"pk": "A#1", "sk": 1, "status": "PAID"}
                  {"pk": "A#2", "sk": 1, "status": "NEW"}
                but items that differ:
                  {pk=A#1, sk=1}: "status" is "NEW" instead of "PAID"
                items missing:
                  {"pk": "A#2", "sk": 1, "status": "NEW"}""");
    }

    private void sessions() {
        endpoint.client().updateTimeToLive(r -> r.tableName("Orders").timeToLiveSpecification(s -> s.enabled(true)
                .attributeName("expiresAt")));
        endpoint.put("Orders", "pk", "S#1", "sk", 1, "expiresAt", T0.getEpochSecond() + 60);
        endpoint.put("Orders", "pk", "S#2", "sk", 1, "expiresAt", T0.getEpochSecond() + 3600);
    }

    @Test
    void contains_expired_item_passes_for_an_expired_item_not_yet_swept() {
        sessions();
        endpoint.clock().advance(Duration.ofSeconds(61));

        assertThat(endpoint.table("Orders")).containsExpiredItem(Key.of("pk", "S#1", "sk", 1));
    }

    @Test
    void contains_expired_item_fails_for_an_item_that_has_not_expired() {
        sessions();

        assertThatThrownBy(() -> assertThat(endpoint.table("Orders"))
                .containsExpiredItem(Key.of("pk", "S#2", "sk", 1))).hasMessage("""
                [Table Orders (us-east-1)]
                Expecting item with key:
                  {pk=S#2, sk=1}
                to have expired, but its expiresAt has not passed: {"pk": "S#2", "sk": 1, "expiresAt": 1714561200}""");
    }

    @Test
    void contains_expired_item_fails_for_a_swept_item() {
        sessions();
        endpoint.clock().advance(Duration.ofMinutes(2));
        endpoint.client().listTables();

        assertThatThrownBy(() -> assertThat(endpoint.table("Orders"))
                .containsExpiredItem(Key.of("pk", "S#1", "sk", 1))).hasMessage("""
                [Table Orders (us-east-1)]
                Expecting table to contain an expired, not yet swept item with key:
                  {pk=S#1, sk=1}
                but there is no such item (already swept, or never written)""");
    }

    @Test
    void has_no_expired_items_passes_once_the_sweep_ran() {
        sessions();
        endpoint.clock().advance(Duration.ofSeconds(61));
        endpoint.engine().ttl().sweepNow();

        assertThat(endpoint.table("Orders")).hasNoExpiredItems().containsItem(Key.of("pk", "S#2", "sk", 1));
    }

    @Test
    void has_no_expired_items_fails_listing_the_unswept_items() {
        sessions();
        endpoint.clock().advance(Duration.ofSeconds(61));

        assertThatThrownBy(() -> assertThat(endpoint.table("Orders")).hasNoExpiredItems()).hasMessage("""
                [Table Orders (us-east-1)]
                Expecting table to hold no expired items, but 1 item expired and not swept yet:
                  {"pk": "S#1", "sk": 1, "expiresAt": 1714557660}""");
    }
}
