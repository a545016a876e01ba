package dev.dynamotest.junit.remote;

import dev.dynamotest.junit.support.ExternalServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@code @DynamoTest} classes against our standalone endpoint jar, running in a JVM of its own. */
class StandaloneJarTest extends RemoteBackendContract {

    private static ExternalServer server;

    @BeforeAll
    static void start() {
        server = ExternalServer.jar(Path.of(System.getProperty("dynamotest.it.serverJar",
                "../dynamo-core/target/dynamotest-server.jar")));
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
