package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoTable(name = "Sessions", partitionKey = "sessionId", ttlAttribute = "expiresAt")
@DynamoSeed(value = "seeds/sessions.json", table = "Sessions")
class SessionExpiryExampleTest {

    @RegisterExtension
    static DynamoExtension dynamo = DynamoExtension.builder()
            .region("eu-west-1")
            .engine(e -> e.clock(() -> Instant.parse("2024-06-01T12:00:00Z")))
            .build();

    @Test
    void seeded_session_expires_an_hour_later(DynamoDbClient client, Dynamo dynamo) {
        Map<String, AttributeValue> session = client.getItem(r -> r.tableName("Sessions")
                .key(Map.of("sessionId", AttributeValue.fromS("s-1")))).item();
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(session.get("expiresAt").n()));

        assertThat(session.get("user").s()).isEqualTo("ada");
        assertThat(expiresAt).isAfter(dynamo.clock().now());

        dynamo.clock().freeze().advance(Duration.ofHours(2));

        assertThat(expiresAt).isBefore(dynamo.clock().now());
    }
}
