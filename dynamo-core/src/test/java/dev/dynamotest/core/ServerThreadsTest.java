package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A closed server leaves nothing running that would keep the JVM from exiting when the tests are done. */
class ServerThreadsTest {

    @Test
    void a_closed_server_leaves_no_thread_that_holds_the_jvm_open() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();

        try (DynamoServer server = DynamoServer.start(EngineConfig.defaults(), "127.0.0.1", 0)) {
            assertThat(server.port()).isPositive();
        }

        Set<String> holding = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon())
                .map(t -> t.getName() + " " + t.getState() + " " + java.util.Arrays.toString(t.getStackTrace()))
                .collect(Collectors.toSet());
        assertThat(holding).isEmpty();
    }
}
