package dev.dynamotest.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentiles_are_nearest_rank_over_every_thread() {
        Latencies first = new Latencies(2);
        Latencies second = new Latencies(2);
        for (long n = 1; n <= 100; n++) {
            (n % 2 == 0 ? first : second).add(101 - n);
        }
        Latencies all = new Latencies(0);
        all.addAll(first);
        all.addAll(second);

        assertThat(all.count()).isEqualTo(100);
        assertThat(all.percentile(0.50)).isEqualTo(50);
        assertThat(all.percentile(0.99)).isEqualTo(99);
        assertThat(all.percentile(1.0)).isEqualTo(100);
    }

    @Test
    void no_latencies_have_percentile_zero() {
        assertThat(new Latencies(0).percentile(0.5)).isZero();
    }
}
