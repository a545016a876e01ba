package dev.dynamotest.junit.remote;

import static dev.dynamotest.junit.support.Fixtures.failures;
import static dev.dynamotest.junit.support.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Settings of the remote-backend mode that make no sense fail the class with a message saying how to fix them. */
class RemoteSettingsTest {

    @Test
    void an_endpoint_that_is_not_an_http_url_is_refused() {
        assertThat(messages(Map.of("dynamotest.endpoint", "localhost:8000"))).containsExactly(
                "dynamotest.endpoint is set to \"localhost:8000\", which is not an http or https URL; set it to an "
                        + "endpoint such as http://localhost:8000 or https://dynamodb.eu-west-1.amazonaws.com");
    }

    @Test
    void unknown_credentials_are_refused() {
        assertThat(messages(Map.of("dynamotest.endpoint", "http://127.0.0.1:9", "dynamotest.credentials", "mine")))
                .containsExactly("dynamotest.credentials is set to \"mine\"; use \"default\" (the AWS SDK's default "
                        + "chain: environment, profile, SSO, instance role), \"dummy\" (for a server that does not "
                        + "check credentials) or \"profile:NAME\"");
    }

    @Test
    void a_prefix_that_table_names_cannot_hold_is_refused() {
        assertThat(messages(Map.of("dynamotest.endpoint", "http://127.0.0.1:9", "dynamotest.tablePrefix", "ci/1")))
                .containsExactly("dynamotest.tablePrefix is set to \"ci/1\", but table names may only hold letters, "
                        + "digits, '_', '-' and '.'; use at most 64 of those");
    }

    private static List<String> messages(Map<String, String> configuration) {
        return failures(run(configuration, Declared.class)).stream().map(Throwable::getMessage).distinct().toList();
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class Declared {
        @Test
        void uses_the_endpoint(DynamoDbClient client) {
            client.listTables();
        }
    }
}
