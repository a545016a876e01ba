package dev.dynamotest.junit.remote;

import dev.dynamotest.junit.support.ExternalServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@code @DynamoTest} classes against dynalite, the DynamoDB implementation on Node, in a process of its own. */
class DynaliteTest extends RemoteBackendContract {

    private static ExternalServer server;

    @BeforeAll
    static void start() {
        server = ExternalServer.dynalite(Path.of(System.getProperty("dynamotest.it.dynalite", ".dynalite")));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    String endpoint() {
        return server.endpoint();
    }
}
