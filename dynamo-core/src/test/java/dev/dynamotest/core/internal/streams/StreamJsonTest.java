package dev.dynamotest.core.internal.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.model.AttributeValue;
import dev.dynamotest.core.model.StreamRecord;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamJsonTest {

    private static StreamRecord removal(String origin) {
        Map<String, AttributeValue> key = Map.of("pk", new AttributeValue.S("A"));
        return new StreamRecord("arn", "shardId-00000000000000000000-00000000", "e1", "REMOVE", "eu-west-1", "Orders",
                "000000000000000000007", "KEYS_ONLY", key, null, null, Instant.ofEpochSecond(1_700_000_000), 3, origin);
    }

    @Test
    void marks_a_deletion_by_time_to_live_with_the_service_identity() {
        ObjectNode json = StreamJson.record(removal("ttl"));

        assertThat(json.path("userIdentity").path("Type").asText()).isEqualTo("Service");
        assertThat(json.path("userIdentity").path("PrincipalId").asText()).isEqualTo("dynamodb.amazonaws.com");
    }

    @Test
    void leaves_the_identity_out_of_a_user_deletion() {
        ObjectNode json = StreamJson.record(removal("user"));

        assertThat(json.has("userIdentity")).isFalse();
        assertThat(json.path("dynamodb").path("ApproximateCreationDateTime").asLong()).isEqualTo(1_700_000_000L);
        assertThat(json.path("dynamodb").has("OldImage")).isFalse();
        assertThat(json.path("awsRegion").asText()).isEqualTo("eu-west-1");
    }
}
