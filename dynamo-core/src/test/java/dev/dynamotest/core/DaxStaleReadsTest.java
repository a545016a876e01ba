package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalDax;
import dev.dynamotest.core.support.LocalEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Stale reads through Amazon's DAX client on a frozen clock: a cache hit on an item changed behind DAX is a stale
 * read, recorded with its table, key and times; DAX's own writes, consistent reads and reads after the TTL are not;
 * a query result cached before a write to its table is a possibly stale result.
 */
class DaxStaleReadsTest {

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
        endpoint.createTable("Stale", "pk", "sk", ScalarAttributeType.S);
    }

    @BeforeEach
    void start() {
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

    private static Map<String, dev.dynamotest.core.model.AttributeValue> coreKey(String pk) {
        return Map.of("pk", dev.dynamotest.core.model.AttributeValue.string(pk),
                "sk", dev.dynamotest.core.model.AttributeValue.string("1"));
    }

    private static Map<String, AttributeValue> item(String pk, String v) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("1"), "v", AttributeValue.fromS(v));
    }

    private static void putDirectly(String pk, String v) {
        direct.putItem(b -> b.tableName("Stale").item(item(pk, v)));
    }

    private String value(String pk) {
        var response = client.getItem(b -> b.tableName("Stale").key(key(pk)));
        return response.hasItem() ? response.item().get("v").s() : null;
    }

    private int queryCount(String pk) {
        return client.query(b -> b.tableName("Stale").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(pk)))).count();
    }

    @Test
    void a_hit_on_an_item_changed_behind_dax_is_a_stale_read_until_the_item_ttl_passes() {
        Instant cached = CLOCK.now();
        putDirectly("behind", "old");
        assertThat(value("behind")).isEqualTo("old");
        CLOCK.advance(Duration.ofSeconds(30));
        putDirectly("behind", "new");
        CLOCK.advance(Duration.ofSeconds(30));

        assertThat(value("behind")).isEqualTo("old");

        assertThat(dax.staleReads()).containsExactly(new DaxStaleRead(Operation.GET_ITEM, "us-east-1", "Stale",
                coreKey("behind"), cached, cached.plusSeconds(30), cached.plusSeconds(60)));
        assertThat(dax.statistics().itemStaleHits()).isEqualTo(1);
        assertThat(dax.statistics().queryStaleHits()).isZero();

        CLOCK.advance(Duration.ofMinutes(4));
        assertThat(value("behind")).isEqualTo("new");
        assertThat(value("behind")).isEqualTo("new");
        assertThat(dax.statistics().itemStaleHits()).isEqualTo(1);
        assertThat(dax.statistics().itemHits()).isEqualTo(2);
    }

    @Test
    void a_negative_entry_for_an_item_put_behind_dax_is_stale() {
        assertThat(value("later")).isNull();
        putDirectly("later", "here");

        assertThat(value("later")).isNull();

        assertThat(dax.staleReads()).singleElement().satisfies(read -> {
            assertThat(read.key()).isEqualTo(coreKey("later"));
            assertThat(read.queryResult()).isFalse();
        });
    }

    @Test
    void daxs_own_writes_are_written_through_and_never_stale() {
        putDirectly("own", "one");
        assertThat(value("own")).isEqualTo("one");

        client.putItem(b -> b.tableName("Stale").item(item("own", "two")));
        assertThat(value("own")).isEqualTo("two");
        client.updateItem(b -> b.tableName("Stale").key(key("own")).updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("three"))));
        assertThat(value("own")).isEqualTo("three");
        client.deleteItem(b -> b.tableName("Stale").key(key("own")));
        assertThat(value("own")).isNull();

        assertThat(dax.statistics().itemHits()).isEqualTo(3);
        assertThat(dax.staleReads()).isEmpty();
    }

    @Test
    void a_write_through_dax_after_a_bypassing_one_makes_the_entry_fresh_again() {
        putDirectly("fixed", "one");
        assertThat(value("fixed")).isEqualTo("one");
        putDirectly("fixed", "two");

        client.putItem(b -> b.tableName("Stale").item(item("fixed", "three")));

        assertThat(value("fixed")).isEqualTo("three");
        assertThat(dax.staleReads()).isEmpty();
    }

    @Test
    void a_consistent_read_is_never_stale() {
        putDirectly("consistent", "old");
        assertThat(value("consistent")).isEqualTo("old");
        putDirectly("consistent", "new");

        var response = client.getItem(b -> b.tableName("Stale").key(key("consistent")).consistentRead(true));

        assertThat(response.item().get("v").s()).isEqualTo("new");
        assertThat(dax.staleReads()).isEmpty();
        assertThat(dax.statistics().itemStaleHits()).isZero();
    }

    @Test
    void batch_get_item_serves_stale_items_too() {
        putDirectly("b1", "old");
        putDirectly("b2", "old");
        assertThat(value("b1")).isEqualTo("old");
        assertThat(value("b2")).isEqualTo("old");
        putDirectly("b2", "new");

        var response = client.batchGetItem(b -> b.requestItems(Map.of("Stale",
                KeysAndAttributes.builder().keys(key("b1"), key("b2")).build())));

        assertThat(response.responses().get("Stale")).extracting(i -> i.get("v").s()).containsOnly("old");
        assertThat(dax.staleReads()).singleElement().satisfies(read -> {
            assertThat(read.operation()).isEqualTo(Operation.BATCH_GET_ITEM);
            assertThat(read.key()).isEqualTo(coreKey("b2"));
        });
    }

    @Test
    void a_query_result_cached_before_a_write_to_its_table_is_possibly_stale() {
        Instant cached = CLOCK.now();
        putDirectly("q", "one");
        assertThat(queryCount("q")).isEqualTo(1);
        CLOCK.advance(Duration.ofSeconds(10));
        client.putItem(b -> b.tableName("Stale").item(item("other", "x")));   // through DAX: the query cache keeps
        putDirectly("q2", "y");

        assertThat(queryCount("q")).isEqualTo(1);
        assertThat(queryCount("q2")).isEqualTo(1);                           // a miss: cached after the write
        assertThat(queryCount("q2")).isEqualTo(1);

        assertThat(dax.staleReads()).containsExactly(new DaxStaleRead(Operation.QUERY, "us-east-1", "Stale",
                coreKey("other"), cached, cached.plusSeconds(10), cached.plusSeconds(10)));
        assertThat(dax.statistics().queryStaleHits()).isEqualTo(1);
        assertThat(dax.statistics().queryHits()).isEqualTo(2);
        assertThat(dax.statistics().itemStaleHits()).isZero();
        assertThat(dax.staleReads().get(0).queryResult()).isTrue();
    }

    @Test
    void a_scan_result_is_possibly_stale_after_a_write_and_fresh_after_the_query_ttl() {
        putDirectly("s", "one");
        int before = client.scan(b -> b.tableName("Stale")).count();
        client.deleteItem(b -> b.tableName("Stale").key(key("s")));

        assertThat(client.scan(b -> b.tableName("Stale")).count()).isEqualTo(before);   // possibly stale: it is
        CLOCK.advance(Duration.ofMinutes(1));
        assertThat(client.scan(b -> b.tableName("Stale")).count()).isEqualTo(before - 1);
        assertThat(client.scan(b -> b.tableName("Stale")).count()).isEqualTo(before - 1);

        List<DaxStaleRead> stale = dax.staleReads();
        assertThat(stale).singleElement().satisfies(read -> {
            assertThat(read.operation()).isEqualTo(Operation.SCAN);
            assertThat(read.key()).isEqualTo(coreKey("s"));
        });
    }

    @Test
    void a_cleared_cache_serves_nothing_stale_but_the_statistics_keep_counting() {
        putDirectly("cleared", "old");
        assertThat(value("cleared")).isEqualTo("old");
        putDirectly("cleared", "new");
        assertThat(value("cleared")).isEqualTo("old");

        dax.clearCaches();

        assertThat(value("cleared")).isEqualTo("new");
        assertThat(value("cleared")).isEqualTo("new");
        assertThat(dax.statistics().itemStaleHits()).isEqualTo(1);
        assertThat(dax.staleReads()).hasSize(1);
    }
}
