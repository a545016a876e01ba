package dev.dynamotest.junit.internal;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.dynamotest.junit.DynamoSeed;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import io.javalin.Javalin;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What {@code @DynamoTest} costs: an endpoint's start in a fresh JVM and in a warm one, a whole test class
 * run through JUnit in a fresh JVM, and the reset between test methods. Run with
 * {@code junit-extension/benchmark.sh}; see the README for the figures.
 */
public class StartupBenchmark {

    private static final Settings SETTINGS = Settings.defaults();

    /** The endpoint of a class with two declared tables, started in a JVM that has not loaded it yet. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(10)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public void endpoint_up_in_a_cold_jvm() {
        startAndClose();
    }

    /**
     * The engine of a class with two declared tables (and seed data), ready for its injected clients in a JVM that
     * has not loaded it yet: since the in-process transport, no HTTP server is on this path. The same work as
     * {@link #endpoint_up_in_a_cold_jvm()}, named for the target it answers (issue 19: at most 0.6 s).
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(10)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public boolean engine_with_declared_tables_ready_in_a_cold_jvm() {
        try (DynamoResource resource = DynamoResource.start(SETTINGS)) {
            resource.prepareClass(DeclarationReader.read(Declared.class, "us-east-1", List.of()));
            return resource.backend().engine() != null;
        }
    }

    /**
     * The floor under the cold start: a bare Javalin server with one route and nothing else (no engine, no
     * extension), up and stopped in a fresh JVM. Javalin is the chosen HTTP server.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(10)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public int bare_javalin_up_in_a_cold_jvm() {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.post("/", ctx -> ctx.result("{}"));
        }).start("127.0.0.1", 0);
        int port = app.port();
        app.stop();
        return port;
    }

    /** The engine's share of the floor: an in-memory H2 database with one table and one row, in a fresh JVM. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(10)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public int bare_h2_up_in_a_cold_jvm() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:bare")) {
            c.createStatement().execute("CREATE TABLE T(K VARBINARY PRIMARY KEY, V VARBINARY)");
            return c.createStatement().executeUpdate("INSERT INTO T VALUES (X'01', X'02')");
        }
    }

    /** A whole {@code @DynamoTest} class (JUnit, endpoint, SDK client, one request) in a fresh JVM. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(5)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public long test_class_in_a_cold_jvm() {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(OneTest.class)).execute()
                .testEvents().succeeded().count();
    }

    /**
     * A whole {@code @DynamoTest} class run the way build tools and IDEs run tests, through a launcher session, in
     * a fresh JVM: with the endpoint started ahead of time when the session opens ({@code prestart=true}, the
     * default) and without.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(5)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public long test_class_through_a_launcher_session_in_a_cold_jvm(Prestart prestart) {
        return runInLauncherSession(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(OneTest.class)));
    }

    /**
     * The same, in a suite where plain unit tests (one second of work on one thread) run before the
     * {@code @DynamoTest} class, as in most projects: the spare endpoint starts beside them.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(5)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public long suite_with_unit_tests_first_through_a_launcher_session_in_a_cold_jvm(Prestart prestart) {
        return runInLauncherSession(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(UnitTests.class), selectClass(OneTest.class))
                .configurationParameter("junit.jupiter.testclass.order.default",
                        "org.junit.jupiter.api.ClassOrderer$OrderAnnotation"));
    }

    /** Runs the tests in a launcher session of their own, as build tools do; returns how many passed. */
    private static long runInLauncherSession(LauncherDiscoveryRequestBuilder request) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(request.build(), summary);
        }
        return summary.getSummary().getTestsSucceededCount();
    }

    /** Whether the launcher session starts an endpoint ahead of time. */
    @State(Scope.Benchmark)
    public static class Prestart {
        @Param({"true", "false"})
        public String prestart;

        @Setup(Level.Trial)
        public void set() {
            System.setProperty(SpareEndpoint.PRESTART, prestart);
        }
    }

    /** The endpoint of a later class in the same JVM. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(1)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public void endpoint_up_in_a_warm_jvm() {
        startAndClose();
    }

    private static void startAndClose() {
        try (DynamoResource resource = DynamoResource.start(SETTINGS)) {
            resource.prepareClass(DeclarationReader.read(Declared.class, "us-east-1", List.of()));
        }
    }

    /** The reset before a test method: two tables emptied, a scratch table dropped, ten items seeded. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Fork(1)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public long reset_between_test_methods(Dirty state) {
        return state.resource.startTest(state.declarations, "benchmark");
    }

    /** An endpoint whose tables a test has written to. */
    @State(Scope.Thread)
    public static class Dirty {
        DynamoResource resource;
        Declarations declarations;

        @Setup(Level.Trial)
        public void start() {
            resource = DynamoResource.start(SETTINGS);
            declarations = DeclarationReader.read(Declared.class, "us-east-1", List.of());
            resource.prepareClass(declarations);
        }

        @Setup(Level.Invocation)
        public void write() {
            DynamoDbClient client = resource.clients().client();
            for (int i = 0; i < 5; i++) {
                String key = "k" + i;
                client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS(key),
                        "sk", AttributeValue.fromS("1"))));
            }
            client.createTable(r -> r.tableName("Scratch").billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                    .keySchema(k -> k.attributeName("id").keyType("HASH")));
        }

        @TearDown(Level.Invocation)
        public void finish() {
            resource.finishTest();
        }

        @TearDown(Level.Trial)
        public void stop() {
            resource.close();
        }
    }

    @DynamoTable(name = "Orders", partitionKey = "pk", sortKey = "sk")
    @DynamoTable(name = "Customers", partitionKey = "id")
    @DynamoSeed(value = "seeds/benchmark.json", table = "Customers")
    static class Declared {
    }

    /** Unit tests that keep one thread busy for about a second. */
    @Order(1)
    static class UnitTests {
        @Test
        void computes() throws Exception {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] block = new byte[1024];
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (System.nanoTime() < end) {
                block = Arrays.copyOf(digest.digest(block), 1024);
            }
        }
    }

    @Order(2)
    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class OneTest {
        @Test
        void puts(DynamoDbClient client) {
            client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("A#1"))));
        }
    }
}
