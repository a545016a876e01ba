package dev.dynamotest.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.DaxConfig;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's DAX settings: the builder's {@code dax(DaxConfig)} reaches the node that {@code dynamo.dax()} starts. */
class DaxSettingsTest {

    // begin settings
    @RegisterExtension
    static DynamoExtension dynamo = DynamoExtension.builder()
            .dax(DaxConfig.builder()
                    .itemTtl(Duration.ofSeconds(10))       // items are fresh again 10 s after a bypassing write
                    .queryTtl(Duration.ZERO)               // no query cache
                    .build())
            .build();
    // end settings

    @Test
    void the_node_has_the_builders_settings(Dynamo handle) {
        assertThat(handle.dax().config().itemTtl()).isEqualTo(Duration.ofSeconds(10));
        assertThat(handle.dax().config().queryTtl()).isZero();
        assertThat(handle.dax().url().toString()).startsWith("dax://127.0.0.1:");
    }
}
