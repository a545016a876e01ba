package dev.dynamotest.assertions;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.DaxCaches;
import dev.dynamotest.core.DaxServer;
import dev.dynamotest.core.DaxStatistics;
import dev.dynamotest.core.DaxStaleRead;
import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.Operation;
import dev.dynamotest.core.model.AttributeValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DaxAssertTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A GetItem of Prices {sku=A1} served stale: cached at T0, changed behind DAX 30 s later, served at 1 minute. */
    private static final DaxStaleRead STALE_ITEM = new DaxStaleRead(Operation.GET_ITEM, "us-east-1", "Prices",
            Map.of("sku", AttributeValue.string("A1")), T0, T0.plusSeconds(30), T0.plusSeconds(60));

    /** A Query of Prices cached at T0, possibly stale since {sku=A2} was written 10 s later, served at 20 s. */
    private static final DaxStaleRead STALE_QUERY = new DaxStaleRead(Operation.QUERY, "us-east-1", "Prices",
            Map.of("sku", AttributeValue.string("A2")), T0, T0.plusSeconds(10), T0.plusSeconds(20));

    /** Caches that served 2 item hits, 1 item miss, 0 item evictions, 0 query hits, 3 query misses, 1 query eviction. */
    private static final DaxCaches CACHES = caches(List.of());

    /** Caches with one stale item read and one possibly stale query result. */
    private static final DaxCaches STALE = caches(List.of(STALE_ITEM, STALE_QUERY));

    private static DaxCaches caches(List<DaxStaleRead> staleReads) {
        long staleItems = staleReads.stream().filter(r -> !r.queryResult()).count();
        return new DaxCaches() {
            @Override
            public DaxStatistics statistics() {
                return new DaxStatistics(2, 1, 0, 0, 3, 1, staleItems, staleReads.size() - staleItems);
            }

            @Override
            public List<DaxStaleRead> staleReads() {
                return staleReads;
            }

            @Override
            public void clearCaches() {
                throw new UnsupportedOperationException("not cleared by assertions");
            }

            @Override
            public String toString() {
                return "Dax[dax://127.0.0.1:8111]";
            }
        };
    }


    @Test
    void passes_on_the_counts_of_each_cache() {
        assertThat(CACHES).itemCache().hasHits(2).hasMisses(1).hasEvictions(0);
        assertThat(CACHES).queryCache().hasHits(0).hasMisses(3).hasEvictions(1);
    }

    @Test
    void reports_the_item_cache_hits_expected_and_found_with_every_count() {
        assertThatThrownBy(() -> assertThat(CACHES).itemCache().hasHits(1))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        [DAX caches of Dax[dax://127.0.0.1:8111]]
                        Expecting 1 item cache hit but found 2; the item cache had 2 hits, 1 miss and 0 evictions, \
                        the query cache 0 hits, 3 misses and 1 eviction""");
    }

    @Test
    void reports_query_cache_misses_and_evictions() {
        assertThatThrownBy(() -> assertThat(CACHES).queryCache().hasMisses(1))
                .hasMessageContaining("Expecting 1 query cache miss but found 3;");
        assertThatThrownBy(() -> assertThat(CACHES).queryCache().hasEvictions(0))
                .hasMessageContaining("Expecting 0 query cache evictions but found 1;");
        assertThatThrownBy(() -> assertThat(CACHES).itemCache().hasMisses(2))
                .hasMessageContaining("Expecting 2 item cache misses but found 1;");
    }

    @Test
    void takes_a_dax_server_and_names_it() {
        try (DynamoEngine engine = DynamoEngine.create(); DaxServer dax = DaxServer.start(engine)) {
            assertThat(dax).itemCache().hasHits(0).hasMisses(0).hasEvictions(0);
            assertThatThrownBy(() -> assertThat(dax).queryCache().hasHits(1))
                    .hasMessage("[DAX caches of DaxServer[" + dax.url() + "]]\n"
                            + "Expecting 1 query cache hit but found 0; the item cache had 0 hits, 0 misses and "
                            + "0 evictions, the query cache 0 hits, 0 misses and 0 evictions");
        }
    }

    @Test
    void passes_when_no_read_was_stale() {
        assertThat(CACHES).hasServedNoStaleReads().hasServedStaleReads(0);
        assertThat(CACHES).itemCache().hasStaleHits(0);
        assertThat(STALE).hasServedStaleReads(2).servedStale(Key.of("sku", "A1"))
                .servedStale("Prices", Key.of("sku", "A1"));
        assertThat(STALE).itemCache().hasStaleHits(1);
        assertThat(STALE).queryCache().hasStaleHits(1);
    }

    @Test
    void no_stale_reads_fails_listing_each_with_its_table_key_and_times() {
        assertThatThrownBy(() -> assertThat(STALE).hasServedNoStaleReads())
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        [DAX caches of Dax[dax://127.0.0.1:8111]]
                        Expecting no stale reads but found 2:
                          GetItem Prices (us-east-1) {sku=A1}: cached 2026-01-01T00:00:00Z, changed behind DAX \
                        2026-01-01T00:00:30Z, served 2026-01-01T00:01:00Z
                          Query Prices (us-east-1): cached 2026-01-01T00:00:00Z, possibly stale since {sku=A2} was \
                        written 2026-01-01T00:00:10Z, served 2026-01-01T00:00:20Z""");
    }

    @Test
    void a_count_of_stale_reads_fails_with_the_count_found() {
        assertThatThrownBy(() -> assertThat(CACHES).hasServedStaleReads(1))
                .hasMessage("""
                        [DAX caches of Dax[dax://127.0.0.1:8111]]
                        Expecting 1 stale read but found none""");
        assertThatThrownBy(() -> assertThat(STALE).hasServedStaleReads(1))
                .hasMessageStartingWith("""
                        [DAX caches of Dax[dax://127.0.0.1:8111]]
                        Expecting 1 stale read but found 2:
                          GetItem Prices (us-east-1) {sku=A1}: cached""");
    }

    @Test
    void served_stale_fails_naming_the_key_and_the_stale_reads_there_were() {
        assertThatThrownBy(() -> assertThat(CACHES).servedStale(Key.of("sku", "A1")))
                .hasMessage("""
                        [DAX caches of Dax[dax://127.0.0.1:8111]]
                        Expecting a stale read of item {sku=A1}
                        but the caches served no stale reads""");
        assertThatThrownBy(() -> assertThat(STALE).servedStale("Orders", Key.of("sku", "A1")))
                .hasMessageStartingWith("""
                        [DAX caches of Dax[dax://127.0.0.1:8111]]
                        Expecting a stale read of item {sku=A1} of table Orders
                        but the stale reads were:
                          GetItem Prices (us-east-1) {sku=A1}: cached""");
    }

    @Test
    void a_query_result_written_behind_is_no_stale_read_of_the_item_written() {
        assertThatThrownBy(() -> assertThat(STALE).servedStale(Key.of("sku", "A2")))
                .hasMessageContaining("Expecting a stale read of item {sku=A2}\nbut the stale reads were:");
    }

    @Test
    void stale_hits_of_one_cache_fail_listing_that_caches_stale_reads() {
        assertThatThrownBy(() -> assertThat(STALE).queryCache().hasStaleHits(0))
                .hasMessage("""
                        [DAX caches of Dax[dax://127.0.0.1:8111]]
                        Expecting 0 query cache stale hits but found 1:
                          Query Prices (us-east-1): cached 2026-01-01T00:00:00Z, possibly stale since {sku=A2} was \
                        written 2026-01-01T00:00:10Z, served 2026-01-01T00:00:20Z""");
        assertThatThrownBy(() -> assertThat(CACHES).itemCache().hasStaleHits(2))
                .hasMessage("""
                        [DAX caches of Dax[dax://127.0.0.1:8111]]
                        Expecting 2 item cache stale hits but found 0""");
    }

    @Test
    void soft_assertions_pass_when_every_dax_assertion_does() {
        DynamoSoftAssertions.assertSoftly(softly -> {
            softly.assertThat(STALE).hasServedStaleReads(2).servedStale("Prices", Key.of("sku", "A1"));
            softly.assertThat(STALE).itemCache().hasHits(2).hasStaleHits(1);
            softly.assertThat(STALE).queryCache().hasMisses(3).hasStaleHits(1);
        });
    }

    @Test
    void soft_assertions_collect_every_dax_failure_including_those_after_choosing_a_cache() {
        DynamoSoftAssertions softly = new DynamoSoftAssertions();

        softly.assertThat(STALE).hasServedNoStaleReads().servedStale(Key.of("sku", "B9"));
        softly.assertThat(STALE).itemCache().hasHits(1).hasStaleHits(0);
        softly.assertThat(CACHES).queryCache().hasMisses(0);

        assertThat(softly.errorsCollected()).extracting(Throwable::getMessage).extracting(m -> m.lines().skip(1)
                .findFirst().orElseThrow()).containsExactly(
                        "Expecting no stale reads but found 2:",
                        "Expecting a stale read of item {sku=B9}",
                        "Expecting 1 item cache hit but found 2; the item cache had 2 hits, 1 miss and 0 evictions, "
                                + "the query cache 0 hits, 3 misses and 1 eviction",
                        "Expecting 0 item cache stale hits but found 1:",
                        "Expecting 0 query cache misses but found 3; the item cache had 2 hits, 1 miss and 0 "
                                + "evictions, the query cache 0 hits, 3 misses and 1 eviction");
        assertThatThrownBy(softly::assertAll).hasMessageContaining("Multiple Failures (5 failures)");
    }
}
