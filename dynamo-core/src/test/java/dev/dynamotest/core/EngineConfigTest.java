package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.s3.ObjectStore;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EngineConfigTest {

    @Test
    void to_builder_keeps_every_value_but_the_ones_changed() {
        ControllableClock clock = new ControllableClock();
        ObjectStore store = ObjectStore.directory(Path.of("target/engine-config-test-s3"));
        PriceTable prices = PriceTable.usEast1();
        EngineConfig original = EngineConfig.builder()
                .defaultRegion("eu-west-1")
                .clock(clock)
                .databasePath(Path.of("target/engine-config-test"))
                .accountId("123456789012")
                .ttlSweepDelay(Duration.ofSeconds(3))
                .objectStore(store)
                .capacityMode(CapacityMode.ENFORCE)
                .partitionThroughputLimits(true)
                .tableUpdateDelay(Duration.ofSeconds(7))
                .prices(prices)
                .setOrder(SetOrder.SHUFFLED)
                .shuffleSeed(42)
                .build();

        EngineConfig changed = original.toBuilder().accountId("999999999999").build();

        assertThat(changed.accountId()).isEqualTo("999999999999");
        assertThat(changed.defaultRegion()).isEqualTo("eu-west-1");
        assertThat(changed.clock()).isSameAs(clock);
        assertThat(changed.databasePath()).isEqualTo(Path.of("target/engine-config-test"));
        assertThat(changed.ttlSweepDelay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(changed.objectStore()).isSameAs(store);
        assertThat(changed.capacityMode()).isEqualTo(CapacityMode.ENFORCE);
        assertThat(changed.partitionThroughputLimits()).isTrue();
        assertThat(changed.tableUpdateDelay()).isEqualTo(Duration.ofSeconds(7));
        assertThat(changed.prices()).isSameAs(prices);
        assertThat(changed.setOrder()).isEqualTo(SetOrder.SHUFFLED);
        assertThat(changed.shuffleSeed()).isEqualTo(42);
        assertThat(original.accountId()).isEqualTo("123456789012");
    }

    @Test
    void sets_are_sorted_by_default() {
        assertThat(EngineConfig.defaults().setOrder()).isEqualTo(SetOrder.SORTED);
    }

    @Test
    void to_builder_keeps_the_default_object_store() {
        EngineConfig original = EngineConfig.defaults();

        assertThat(original.toBuilder().build().objectStore()).isSameAs(original.objectStore());
    }
}
