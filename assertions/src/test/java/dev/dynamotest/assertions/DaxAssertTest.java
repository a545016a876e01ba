package dev.dynamotest.assertions;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.DaxCaches;
import dev.dynamotest.core.DaxServer;
import dev.dynamotest.core.DaxStatistics;
import dev.dynamotest.core.DynamoEngine;
import org.junit.jupiter.api.Test;

class DaxAssertTest {

    /** Caches that served 2 item hits, 1 item miss, 0 item evictions, 0 query hits, 3 query misses, 1 query eviction. */
    private static final DaxCaches CACHES = new DaxCaches() {
        @Override
        public DaxStatistics statistics() {
            return new DaxStatistics(2, 1, 0, 0, 3, 1);
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
}
