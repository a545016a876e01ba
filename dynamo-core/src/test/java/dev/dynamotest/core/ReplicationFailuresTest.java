package dev.dynamotest.core;

import static dev.dynamotest.core.support.LocalEndpoint.attribute;
import static dev.dynamotest.core.support.LocalEndpoint.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.internal.ops.globaltables.Replicator;
import dev.dynamotest.core.support.CapturedLog;
import dev.dynamotest.core.support.LocalEndpoint;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * A replicated change that a replica refuses is never dropped silently: it is logged with its stack trace,
 * {@link Replication#awaitQuiet()} fails naming it, and {@link Replication#failures()} lists it.
 *
 * <p>The refused change: while replication into eu-west-1 is paused, an item whose {@code score} is a string is
 * written in us-east-1; then a global secondary index with a numeric {@code score} key is created (in every
 * replica). The delayed replay of that item into eu-west-1 no longer fits eu-west-1's schema.
 */
class ReplicationFailuresTest {

    private CapturedLog log;
    private LocalEndpoint endpoint;
    private DynamoEngine engine;
    private DynamoDbClient us;
    private DynamoDbClient eu;

    @BeforeEach
    void start() {
        endpoint = new LocalEndpoint();
        engine = endpoint.server().engine();
        us = endpoint.client(Region.US_EAST_1);
        eu = endpoint.client(Region.EU_WEST_1);
        log = CapturedLog.of(Replicator.class);
        us.createTable(r -> r.tableName("Scores").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        us.updateTable(r -> r.tableName("Scores").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));
    }

    @AfterEach
    void stop() {
        log.close();
        eu.close();
        endpoint.close();
    }

    private void replayRefusedByEu() {
        engine.replication().pause("Scores", "us-east-1", "eu-west-1");
        us.putItem(r -> r.tableName("Scores").item(Map.of("pk", AttributeValue.fromS("a"),
                "score", AttributeValue.fromS("high"))));
        us.updateTable(r -> r.tableName("Scores")
                .attributeDefinitions(attribute("pk"), attribute("score", ScalarAttributeType.N))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byScore")
                        .keySchema(key("score", KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.ALL)))));
        engine.replication().resume("Scores", "us-east-1", "eu-west-1");
    }

    @Test
    void await_quiet_fails_naming_the_refused_change_with_its_reason_as_cause() {
        replayRefusedByEu();

        assertThatThrownBy(() -> engine.replication().awaitQuiet()).isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Replication failed: 1 change was refused by a replica:
                          Scores us-east-1 -> eu-west-1, item {pk=S:a}: One or more parameter values were invalid: \
                        Type mismatch for Index Key score Expected: N Actual: S IndexName: byScore""")
                .cause().isInstanceOf(DynamoException.class);
        assertThat(eu.getItem(r -> r.tableName("Scores").key(Map.of("pk", AttributeValue.fromS("a")))).hasItem())
                .isFalse();
        assertThat(engine.replication().isCaughtUp()).isFalse();
    }

    @Test
    void failures_list_the_refused_change_until_reset() {
        replayRefusedByEu();
        assertThatThrownBy(() -> engine.replication().awaitQuiet()).isInstanceOf(AssertionError.class);

        assertThat(engine.replication().failures()).singleElement().satisfies(failure -> {
            assertThat(failure.table()).isEqualTo("Scores");
            assertThat(failure.fromRegion()).isEqualTo("us-east-1");
            assertThat(failure.toRegion()).isEqualTo("eu-west-1");
            assertThat(failure.key()).isEqualTo(Map.of("pk", new dev.dynamotest.core.model.AttributeValue.S("a")));
            assertThat(failure.cause()).hasMessageContaining("Type mismatch for Index Key score");
        });

        engine.replication().reset();

        assertThat(engine.replication().failures()).isEmpty();
        engine.replication().awaitQuiet();
        assertThat(engine.replication().isCaughtUp()).isTrue();
    }

    @Test
    void a_refused_change_is_logged_with_its_stack_trace() {
        replayRefusedByEu();
        assertThatThrownBy(() -> engine.replication().awaitQuiet()).isInstanceOf(AssertionError.class);

        assertThat(log.records()).singleElement().satisfies(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.WARNING);
            assertThat(record.getMessage()).isEqualTo("replicated change refused: Scores us-east-1 -> eu-west-1, "
                    + "item {pk=S:a}: One or more parameter values were invalid: Type mismatch for Index Key score "
                    + "Expected: N Actual: S IndexName: byScore");
            assertThat(record.getThrown().getStackTrace()).isNotEmpty();
            assertThat(record.getThrown()).hasRootCauseInstanceOf(DynamoException.class);
        });
    }

    @Test
    void later_changes_still_reach_the_replica() {
        replayRefusedByEu();
        us.putItem(r -> r.tableName("Scores").item(Map.of("pk", AttributeValue.fromS("b"),
                "score", AttributeValue.fromN("3"))));
        assertThatThrownBy(() -> engine.replication().awaitQuiet()).isInstanceOf(AssertionError.class);

        assertThat(engine.replication().backlog()).isZero();
        assertThat(eu.getItem(r -> r.tableName("Scores").key(Map.of("pk", AttributeValue.fromS("b")))).hasItem())
                .isTrue();
    }
}
