package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalDax;
import dev.dynamotest.core.support.LocalEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * DAX's cache semantics on a frozen clock, seen through Amazon's DAX client: what a read returns after writes that
 * went through DAX and writes that bypassed it, before and after the TTLs pass.
 */
class DaxCacheTest {

    private static final ControllableClock CLOCK =
            new ControllableClock().freezeAt(Instant.parse("2026-01-01T00:00:00Z"));

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass(EngineConfig.builder().clock(CLOCK).build());
    private static DynamoDbClient direct;
    private DaxServer dax;
    private DynamoDbClient client;

    @BeforeAll
    static void tables() {
        direct = endpoint.client();
        endpoint.createTable("Cached", "pk", "sk", ScalarAttributeType.S);
    }

    @BeforeEach
    void start() throws Exception {
        dax = DaxServer.start(endpoint.server().engine(), DaxConfig.builder()
                .itemTtl(Duration.ofMinutes(5)).queryTtl(Duration.ofMinutes(1)).build());
        client = LocalDax.client(dax);
    }

    @AfterEach
    void stop() {
        client.close();
        dax.close();
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("1"));
    }

    private static void putDirectly(String pk, String v) {
        direct.putItem(b -> b.tableName("Cached").item(Map.of("pk", AttributeValue.fromS(pk),
                "sk", AttributeValue.fromS("1"), "v", AttributeValue.fromS(v))));
    }

    private void putThroughDax(String pk, String v) {
        client.putItem(b -> b.tableName("Cached").item(Map.of("pk", AttributeValue.fromS(pk),
                "sk", AttributeValue.fromS("1"), "v", AttributeValue.fromS(v))));
    }

    private GetItemResponse get(String pk) {
        return client.getItem(b -> b.tableName("Cached").key(key(pk)));
    }

    private String value(String pk) {
        GetItemResponse response = get(pk);
        return response.hasItem() ? response.item().get("v").s() : null;
    }

    private int queryCount(String pk) {
        return client.query(b -> b.tableName("Cached").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(pk)))).count();
    }

    @Test
    void a_read_misses_then_hits_the_item_cache() {
        putDirectly("hit", "a");

        assertThat(value("hit")).isEqualTo("a");
        assertThat(value("hit")).isEqualTo("a");

        assertThat(dax.statistics().itemMisses()).isEqualTo(1);
        assertThat(dax.statistics().itemHits()).isEqualTo(1);
    }

    @Test
    void a_write_that_bypasses_dax_is_not_seen_until_the_item_ttl_passes() {
        putDirectly("stale", "old");
        assertThat(value("stale")).isEqualTo("old");

        putDirectly("stale", "new");
        assertThat(value("stale")).isEqualTo("old");
        CLOCK.advance(Duration.ofMinutes(4));
        assertThat(value("stale")).isEqualTo("old");
        CLOCK.advance(Duration.ofMinutes(1));

        assertThat(value("stale")).isEqualTo("new");
    }

    @Test
    void a_missing_item_is_cached_as_a_negative_entry() {
        assertThat(get("absent").hasItem()).isFalse();

        putDirectly("absent", "now here");
        assertThat(get("absent").hasItem()).isFalse();
        CLOCK.advance(Duration.ofMinutes(5));

        assertThat(value("absent")).isEqualTo("now here");
    }

    @Test
    void a_write_through_dax_updates_the_item_cache() {
        putDirectly("through", "one");
        assertThat(value("through")).isEqualTo("one");

        putThroughDax("through", "two");
        assertThat(value("through")).isEqualTo("two");
        client.updateItem(b -> b.tableName("Cached").key(key("through")).updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("three"))));
        assertThat(value("through")).isEqualTo("three");
        client.deleteItem(b -> b.tableName("Cached").key(key("through")));

        assertThat(get("through").hasItem()).isFalse();
        assertThat(dax.statistics().itemMisses()).isEqualTo(1);
    }

    @Test
    void a_consistent_read_passes_the_cache_by() {
        putDirectly("consistent", "old");
        assertThat(value("consistent")).isEqualTo("old");
        putDirectly("consistent", "new");

        var response = client.getItem(b -> b.tableName("Cached").key(key("consistent")).consistentRead(true));

        assertThat(response.item().get("v").s()).isEqualTo("new");
        assertThat(value("consistent")).isEqualTo("old");
    }

    @Test
    void the_query_cache_is_not_invalidated_by_writes_until_its_ttl_passes() {
        putThroughDax("q", "one");
        assertThat(queryCount("q")).isEqualTo(1);

        client.deleteItem(b -> b.tableName("Cached").key(key("q")));
        assertThat(queryCount("q")).isEqualTo(1);
        assertThat(dax.statistics().queryHits()).isEqualTo(1);
        CLOCK.advance(Duration.ofMinutes(1));

        assertThat(queryCount("q")).isZero();
    }

    @Test
    void a_consistent_query_passes_the_query_cache_by() {
        putThroughDax("cq", "one");
        assertThat(queryCount("cq")).isEqualTo(1);
        client.deleteItem(b -> b.tableName("Cached").key(key("cq")));

        int consistent = client.query(b -> b.tableName("Cached").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("cq"))).consistentRead(true)).count();

        assertThat(consistent).isZero();
    }

    @Test
    void the_least_recently_used_items_are_evicted_past_the_size_budget() throws Exception {
        client.close();
        dax.close();
        dax = DaxServer.start(endpoint.server().engine(), DaxConfig.builder().cacheSize(600).build());
        client = LocalDax.client(dax);
        for (String pk : new String[] {"e1", "e2", "e3"}) {
            putDirectly(pk, "x".repeat(100));
            value(pk);
        }

        putDirectly("e1", "changed");
        putDirectly("e3", "changed");

        assertThat(value("e1")).isEqualTo("changed");
        assertThat(value("e3")).isEqualTo("x".repeat(100));
        assertThat(dax.statistics().itemEvictions()).isPositive();
    }
}
