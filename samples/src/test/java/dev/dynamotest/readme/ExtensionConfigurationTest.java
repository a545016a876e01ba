package dev.dynamotest.readme;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;

import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoExtension;
import dev.dynamotest.junit.Isolation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExtensionConfigurationTest {

    // begin extension
    @RegisterExtension
    static DynamoExtension dynamo = DynamoExtension.builder()
            .region("eu-west-1")                                   // clients, declared tables, the engine's default
            .host("127.0.0.1")                                     // and .port(8000) for a fixed port (no parallel classes then)
            .isolation(Isolation.PER_CLASS)
            .tablesFrom("infra/template.yaml")
            .engine(e -> e
                    .clock(() -> Instant.parse("2024-06-01T12:00:00Z"))   // the time the endpoint's clock follows
                    .databasePath(Path.of("target/orders-db"))             // H2 file instead of memory
                    .ttlSweepDelay(Duration.ZERO)                          // expired items go at the next request
                    .accountId("123456789012"))                            // in ARNs
            .build();
    // end extension

    @Test
    void the_engine_has_the_configured_region_clock_and_account(Dynamo handle) {
        assertThat(handle.region().id()).isEqualTo("eu-west-1");
        assertThat(handle.clock().now()).isEqualTo(Instant.parse("2024-06-01T12:00:00Z"));
        assertThat(handle.client().describeTable(r -> r.tableName("Invoices-dev")).table().tableArn())
                .isEqualTo("arn:aws:dynamodb:eu-west-1:123456789012:table/Invoices-dev");
    }
}
