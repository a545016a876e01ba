package dev.dynamotest.assertions;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.ControllableClock;
import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.EngineConfig;
import dev.dynamotest.core.regions.Replication;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplicationAssertTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ControllableClock clock = new ControllableClock();
    private DynamoEngine engine;
    private Replication replication;

    @BeforeEach
    void start() {
        engine = DynamoEngine.create(EngineConfig.builder().clock(clock).build());
        replication = engine.replication();
        execute("CreateTable", """
                {"TableName": "Orders", "BillingMode": "PAY_PER_REQUEST",
                 "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
                 "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                 "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "NEW_AND_OLD_IMAGES"}}""");
        execute("UpdateTable", """
                {"TableName": "Orders", "ReplicaUpdates": [{"Create": {"RegionName": "eu-west-1"}}]}""");
        clock.freezeAt(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private void execute(String operation, String body) {
        try {
            engine.execute("us-east-1", operation, (ObjectNode) JSON.readTree(body));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void putOrder() {
        execute("PutItem", """
                {"TableName": "Orders", "Item": {"pk": {"S": "A#1"}}}""");
    }

    @Test
    void is_caught_up_passes_when_every_change_is_delivered() {
        putOrder();
        replication.awaitQuiet();

        assertThat(replication).isCaughtUp();
    }

    @Test
    void is_caught_up_fails_naming_the_backlog_and_its_age() {
        replication.pause();
        putOrder();
        clock.advance(Duration.ofSeconds(3));

        assertThatThrownBy(() -> assertThat(replication).isCaughtUp()).hasMessage("""
                [Replication]
                Expecting every replica to be caught up, but 1 change waits to be delivered, the oldest for 3 \
                seconds""");
    }

    @Test
    void is_caught_up_fails_naming_a_change_a_replica_refused() {
        replication.pause("Orders", "us-east-1", "eu-west-1");
        execute("PutItem", """
                {"TableName": "Orders", "Item": {"pk": {"S": "A#1"}, "score": {"S": "high"}}}""");
        execute("UpdateTable", """
                {"TableName": "Orders",
                 "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                                          {"AttributeName": "score", "AttributeType": "N"}],
                 "GlobalSecondaryIndexUpdates": [{"Create": {"IndexName": "byScore",
                     "KeySchema": [{"AttributeName": "score", "KeyType": "HASH"}],
                     "Projection": {"ProjectionType": "ALL"}}}]}""");
        replication.resume();
        assertThatThrownBy(replication::awaitQuiet).isInstanceOf(AssertionError.class);

        assertThatThrownBy(() -> assertThat(replication).isCaughtUp()).hasMessage("""
                [Replication]
                Expecting every replica to be caught up, but 1 change was refused by a replica:
                  Orders us-east-1 -> eu-west-1, item {pk=S:A#1}: One or more parameter values were invalid: Type \
                mismatch for Index Key score Expected: N Actual: S IndexName: byScore""");
    }

    @Test
    void eventually_is_caught_up_waits_for_the_background_delivery() {
        replication.pause();
        putOrder();
        replication.resume();

        assertThat(replication).eventually().isCaughtUp();
    }

    @Test
    void has_lag_at_most_passes_within_the_bound() {
        replication.pause();
        putOrder();
        clock.advance(Duration.ofMillis(500));

        assertThat(replication).hasLagAtMost(Duration.ofSeconds(1));
    }

    @Test
    void has_lag_at_most_fails_showing_the_lag() {
        replication.delay(Duration.ofSeconds(10));
        putOrder();
        clock.advance(Duration.ofSeconds(2));

        assertThatThrownBy(() -> assertThat(replication).hasLagAtMost(Duration.ofSeconds(1))).hasMessage("""
                [Replication]
                Expecting the replication lag to be at most:
                  1 second
                but it is:
                  2 seconds
                (1 change to be delivered)""");
    }
}
