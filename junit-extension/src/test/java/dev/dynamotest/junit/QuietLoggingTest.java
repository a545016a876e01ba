package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.DynamoServer;
import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The extension is quiet about logging on each SLF4J line, with or without a logger: no SLF4J notice about a missing
 * provider or binding, no Javalin banner, and, where the application has a logger, its own lines and Javalin's
 * still appear. Each case runs a {@code @DynamoTest} class through the JUnit launcher in a JVM of its own, whose class
 * path is this module's with the SLF4J jars of the case in place of the module's, as an application's build would
 * resolve them.
 */
class QuietLoggingTest {

    /** An application's SLF4J set-up: the API's line and whether a logger (provider or binding) comes with it. */
    enum Slf4jSetup {
        SLF4J_2_WITHOUT_PROVIDER(false, false),
        SLF4J_2_WITH_SIMPLE_PROVIDER(false, true),
        SLF4J_1_7_WITHOUT_BINDING(true, false),
        SLF4J_1_7_WITH_SIMPLE_BINDING(true, true);

        final boolean slf4j1;
        final boolean logger;

        Slf4jSetup(boolean slf4j1, boolean logger) {
            this.slf4j1 = slf4j1;
            this.logger = logger;
        }
    }

    @ParameterizedTest
    @EnumSource(Slf4jSetup.class)
    void an_application_sees_no_notice_about_logging_and_keeps_its_own_log_lines(Slf4jSetup setup, @TempDir Path dir)
            throws Exception {
        Run run = run(classPath(setup), dir, LaunchFixture.class);

        assertThat(run.exitValue).as("exit value; stdout:%n%s%nstderr:%n%s", run.out, run.err).isZero();
        assertThat(run.out).isEqualTo("tables: []" + System.lineSeparator() + "1 tests successful, 0 failed"
                + System.lineSeparator());
        assertThat(run.err).doesNotContain("SLF4J").doesNotContain("logger in your project")
                .doesNotContain("StaticLoggerBinder").doesNotContain("#####");
        if (setup.logger) {
            assertThat(run.err).as("the application's logging works")
                    .contains("INFO application - the application's own line")
                    .as("Javalin logs through the application's logger").contains("INFO io.javalin.Javalin - ");
        } else {
            assertThat(run.err).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"SLF4J_2_WITHOUT_PROVIDER", "SLF4J_1_7_WITHOUT_BINDING"})
    void a_server_started_without_the_extension_is_quiet_too(Slf4jSetup setup, @TempDir Path dir) throws Exception {
        Run run = run(classPath(setup), dir, StandaloneServer.class);

        assertThat(run.exitValue).as("exit value; stderr:%n%s", run.err).isZero();
        assertThat(run.out).isEqualTo("tables: []" + System.lineSeparator());
        assertThat(run.err).isEmpty();
    }

    @Test
    void each_case_runs_on_the_slf4j_line_it_names() throws Exception {
        for (Slf4jSetup setup : Slf4jSetup.values()) {
            List<String> jars = Arrays.stream(classPath(setup).split(File.pathSeparator))
                    .map(entry -> Path.of(entry).getFileName().toString()).filter(name -> name.startsWith("slf4j-"))
                    .toList();
            String line = setup.slf4j1 ? "-1.7." : "-2.";
            assertThat(jars).as("%s", setup).hasSize(setup.logger ? 2 : 1)
                    .allSatisfy(jar -> assertThat(jar).contains(line))
                    .anySatisfy(jar -> assertThat(jar).startsWith("slf4j-api-"));
        }
    }

    private static String classPath(Slf4jSetup setup) throws Exception {
        List<String> entries = new ArrayList<>();
        List<String> ownSlf4j = new ArrayList<>();
        for (String entry : System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("slf4j-api-") || name.startsWith("slf4j-simple-")) {
                ownSlf4j.add(entry);
            } else {
                entries.add(entry);
            }
        }
        Stream<String> slf4j;
        if (setup.slf4j1) {
            Path dir = Path.of(System.getProperty("dynamotest.it.slf4j1", "target/slf4j-1.7.36"));
            try (Stream<Path> jars = Files.list(dir)) {
                slf4j = jars.map(Path::toString).toList().stream();
            }
        } else {
            slf4j = ownSlf4j.stream();
        }
        slf4j.filter(entry -> setup.logger || !Path.of(entry).getFileName().toString().startsWith("slf4j-simple-"))
                .forEach(entries::add);
        return String.join(File.pathSeparator, entries);
    }

    private static Run run(String classPath, Path dir, Class<?> main) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path stderr = dir.resolve("stderr.txt");
        // slf4j-simple at INFO, so that Javalin's start-up lines show where there is a logger; C1 alone starts sooner
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", classPath, "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", main.getName()))
                .redirectError(stderr.toFile()).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out, Files.readString(stderr));
    }

    private record Run(int exitValue, String out, String err) {
    }

    /** Serves an engine over HTTP with dynamo-core alone, and lists its tables with a client of its own. */
    static final class StandaloneServer {
        public static void main(String[] args) {
            try (DynamoEngine engine = DynamoEngine.create(); DynamoServer server = DynamoServer.start(engine);
                    DynamoDbClient client = ownClient(server.endpoint())) {
                System.out.println("tables: " + client.listTables().tableNames());
            }
        }
    }

    private static DynamoDbClient ownClient(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** Runs {@link Fixture} as a build tool would: through the JUnit launcher, with the extension's listeners. */
    static final class LaunchFixture {
        public static void main(String[] args) {
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(Fixture.class)).build(), summary);
            long failed = summary.getSummary().getTotalFailureCount();
            summary.getSummary().getFailures().forEach(failure -> failure.getException().printStackTrace());
            System.out.println(summary.getSummary().getTestsSucceededCount() + " tests successful, " + failed
                    + " failed");
            System.exit(failed == 0 ? 0 : 1);
        }
    }

    /**
     * An application's test: code under test with a client of its own on the endpoint's URL (which starts the HTTP
     * server), an injected client, and a log line of the application's own.
     */
    @DynamoTest
    static class Fixture {

        @Test
        void lists_tables(Dynamo dynamo, DynamoDbClient injected) {
            URI endpoint = dynamo.endpoint();
            try (DynamoDbClient own = ownClient(endpoint)) {
                assertThat(own.listTables().tableNames()).isEqualTo(injected.listTables().tableNames());
                System.out.println("tables: " + own.listTables().tableNames());
            }
            LoggerFactory.getLogger("application").info("the application's own line");
        }
    }
}
