package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.junit.internal.DynamoResource;
import dev.dynamotest.junit.internal.Settings;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a logger on the class path, the endpoint starts and serves without a word on stderr. */
class QuietLoggingTest {

    @Test
    void an_application_without_a_logger_sees_no_notices_about_it(@TempDir Path dir) throws Exception {
        String classPath = Arrays.stream(System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")).split(File.pathSeparator))
                .filter(entry -> !entry.contains("slf4j-simple"))
                .collect(Collectors.joining(File.pathSeparator));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path stderr = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", classPath, Endpoint.class.getName()))
                .redirectError(stderr.toFile()).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(stderr);

        assertThat(process.exitValue()).as("exit value; stderr:%n%s", err).isZero();
        assertThat(out).isEqualTo("tables: []" + System.lineSeparator());
        assertThat(err).isEmpty();
    }

    /** Starts an endpoint as the extension does, makes a request through an injected client, and stops it. */
    static final class Endpoint {
        public static void main(String[] args) {
            try (DynamoResource resource = DynamoResource.start(Settings.defaults())) {
                System.out.println("tables: " + resource.handle().client().listTables().tableNames());
            }
        }
    }
}
