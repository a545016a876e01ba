package dev.dynamotest.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.ControllableClock;
import dev.dynamotest.faults.SdkRetries;
import dev.dynamotest.junit.RetryBackoff;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/** Which retry change each {@link RetryBackoff} gives the injected clients. */
class ClientRetriesTest {

    @Test
    void without_an_engine_clock_virtual_time_falls_back_to_the_sdk_backoff() {
        assertThat(DynamoResource.retries(RetryBackoff.VIRTUAL_TIME, null)).isSameAs(Clients.Retries.SDK);
    }

    @Test
    void sdk_default_changes_nothing() {
        assertThat(DynamoResource.retries(RetryBackoff.SDK_DEFAULT, new ControllableClock()))
                .isSameAs(Clients.Retries.SDK);
    }

    @Test
    void virtual_time_waits_on_the_engine_clock_in_dynamodb_and_streams_clients() {
        ControllableClock clock = new ControllableClock().freezeAt(Instant.parse("2026-01-01T00:00:00Z"));

        Clients.Retries retries = DynamoResource.retries(RetryBackoff.VIRTUAL_TIME, clock);

        assertThat(strategyOf(retries.dynamoDb()).useClientDefaults()).isFalse();
        assertThat(strategyOf(retries.dynamoDb()).maxAttempts()).isEqualTo(9);
        assertThat(strategyOf(retries.streams()).maxAttempts())
                .isEqualTo(SdkRetries.dynamoDbStreamsDefaults().maxAttempts());
    }

    @Test
    void none_drops_the_waits_of_the_dynamodb_clients_only() {
        Clients.Retries retries = DynamoResource.retries(RetryBackoff.NONE, new ControllableClock());

        assertThat(strategyOf(retries.dynamoDb()).maxAttempts()).isEqualTo(9);
        assertThat(retries.streams()).isNull();
    }

    private static software.amazon.awssdk.retries.api.RetryStrategy strategyOf(
            java.util.function.Consumer<ClientOverrideConfiguration.Builder> change) {
        ClientOverrideConfiguration.Builder builder = ClientOverrideConfiguration.builder();
        change.accept(builder);
        return builder.build().retryStrategy().orElseThrow();
    }
}
