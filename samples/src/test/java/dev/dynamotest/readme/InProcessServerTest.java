package dev.dynamotest.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.DynamoServer;
import dev.dynamotest.core.EngineConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class InProcessServerTest {

    @Test
    void starts_an_engine_and_its_server_on_a_free_port() throws Exception {
        // begin server
        try (DynamoEngine engine = DynamoEngine.create(EngineConfig.builder().defaultRegion("eu-west-1").build());
             DynamoServer server = DynamoServer.start(engine)) {   // 127.0.0.1, a free port
            URI endpoint = server.endpoint();
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(endpoint).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).startsWith("healthy: ");     // DynamoDB's answer to GET /
        }
        // end server
    }
}
