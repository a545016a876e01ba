package dev.dynamotest.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WarmUpTest {

    @Test
    void steadyWhenEveryOperationMovedLessThanTheTolerance() {
        assertThat(WarmUp.steady(Map.of("GetItem", 1000.0, "Query", 500.0),
                Map.of("GetItem", 1040.0, "Query", 470.0), 0.1)).isTrue();
    }

    @Test
    void notSteadyWhileOneOperationStillSpeedsUp() {
        assertThat(WarmUp.steady(Map.of("GetItem", 1000.0, "Query", 500.0),
                Map.of("GetItem", 1000.0, "Query", 600.0), 0.1)).isFalse();
    }

    @Test
    void notSteadyWhenAnOperationIsNewOrStartedWorking() {
        assertThat(WarmUp.steady(Map.of("GetItem", 1000.0), Map.of("GetItem", 1000.0, "Query", 500.0), 0.1))
                .isFalse();
        assertThat(WarmUp.steady(Map.of("GetItem", 0.0), Map.of("GetItem", 200.0), 0.1)).isFalse();
    }

    @Test
    void anOperationThatFailsEveryTimeCountsAsSteady() {
        assertThat(WarmUp.steady(Map.of("GetItem", 1000.0, "TransactWriteItems", 0.0),
                Map.of("GetItem", 1010.0, "TransactWriteItems", 0.0), 0.1)).isTrue();
    }
}
