package dev.dynamotest.junit;

import static dev.dynamotest.junit.support.Fixtures.assertAllPassed;
import static dev.dynamotest.junit.support.Fixtures.failures;
import static dev.dynamotest.junit.support.Fixtures.published;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.DynamoServer;
import dev.dynamotest.core.EngineConfig;
import dev.dynamotest.junit.support.Fixtures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Fields the extension fills belong to one class's run: a base class shared by several {@code @DynamoTest} classes
 * works one class after the other and in parallel, in this JVM and against an endpoint elsewhere
 * ({@code dynamotest.endpoint}, here a server this test starts), and a static field that two classes running at
 * the same time would share is refused.
 */
class StaticFieldsTest {

    enum Mode { LOCAL, REMOTE }

    static final Map<String, String> PARALLEL_CLASSES = Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "same_thread",
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "2");

    private static DynamoServer elsewhere;

    @BeforeAll
    static void startAnEndpointElsewhere() {
        elsewhere = DynamoServer.start(EngineConfig.defaults(), "127.0.0.1", 0);
    }

    @AfterAll
    static void stopTheEndpointElsewhere() {
        elsewhere.close();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void classes_sharing_static_fields_of_a_base_class_one_after_the_other_each_get_their_own(Mode mode) {
        EngineExecutionResults results = run(mode, Map.of(), FirstWithStaticBase.class, SecondWithStaticBase.class);

        assertAllPassed(results, 2);
        assertEndpoints(mode, results);
        assertThat(StaticBase.client).isNull();
        assertThat(StaticBase.dynamo).isNull();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void classes_sharing_instance_fields_of_a_base_class_in_parallel_each_get_their_own(Mode mode) {
        EngineExecutionResults results = run(mode, PARALLEL_CLASSES, FirstWithInstanceBase.class,
                SecondWithInstanceBase.class);

        assertAllPassed(results, 2);
        assertEndpoints(mode, results);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void classes_with_static_fields_of_their_own_in_parallel_each_get_their_own(Mode mode) {
        EngineExecutionResults results = run(mode, PARALLEL_CLASSES, FirstWithOwnStatic.class,
                SecondWithOwnStatic.class);

        assertAllPassed(results, 2);
        assertEndpoints(mode, results);
        assertThat(FirstWithOwnStatic.client).isNull();
        assertThat(SecondWithOwnStatic.client).isNull();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void a_static_field_of_a_base_class_that_two_classes_running_at_once_would_share_is_refused(Mode mode) {
        EngineExecutionResults results = run(mode, PARALLEL_CLASSES, FirstMeeting.class, SecondMeeting.class);

        assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
        List<String> messages = failures(results).stream().map(Throwable::getMessage).toList();
        assertThat(messages).singleElement().satisfies(message -> assertThat(message).matches(
                "static field client of MeetingBase holds the endpoint of (First|Second)Meeting, which runs at the "
                        + "same time as (First|Second)Meeting, and a static field can only hold one endpoint's "
                        + "value; make it an instance field or a parameter of the test methods, or declare it in "
                        + "each test class"));
        assertThat(MeetingBase.client).isNull();
    }

    private static EngineExecutionResults run(Mode mode, Map<String, String> configuration, Class<?>... classes) {
        Map<String, String> all = new HashMap<>(configuration);
        if (mode == Mode.REMOTE) {
            all.put("dynamotest.endpoint", elsewhere.endpoint().toString());
        }
        return Fixtures.run(all, classes);
    }

    /** Each class used its own endpoint in this JVM, or both the endpoint elsewhere. */
    private static void assertEndpoints(Mode mode, EngineExecutionResults results) {
        List<String> endpoints = published(results, "endpoint");
        assertThat(endpoints).hasSize(2);
        if (mode == Mode.LOCAL) {
            assertThat(endpoints).doesNotHaveDuplicates().doesNotContain(elsewhere.endpoint().toString());
        } else {
            assertThat(endpoints).containsOnly(elsewhere.endpoint().toString());
        }
    }

    /** What each fixture checks: the client and handle it was given see the tables of its class and no others. */
    static void seesOnlyItsOwnTable(Object test, DynamoDbClient client, Dynamo dynamo, TestReporter reporter) {
        String own = test.getClass().getSimpleName() + "Orders";
        reporter.publishEntry("endpoint", dynamo.endpoint().toString());
        assertThat(client.listTables().tableNames()).containsExactly(own);
        assertThat(dynamo.tableNames()).containsExactly(own);
    }

    abstract static class StaticBase {
        static DynamoDbClient client;
        static Dynamo dynamo;

        @Test
        void sees_only_its_own_table(TestReporter reporter) {
            seesOnlyItsOwnTable(this, client, dynamo, reporter);
        }
    }

    @DynamoTest
    @DynamoTable(name = "FirstWithStaticBaseOrders", partitionKey = "pk")
    static class FirstWithStaticBase extends StaticBase {
    }

    @DynamoTest
    @DynamoTable(name = "SecondWithStaticBaseOrders", partitionKey = "pk")
    static class SecondWithStaticBase extends StaticBase {
    }

    abstract static class InstanceBase {
        DynamoDbClient client;
        Dynamo dynamo;

        @Test
        void sees_only_its_own_table(TestReporter reporter) {
            seesOnlyItsOwnTable(this, client, dynamo, reporter);
        }
    }

    @DynamoTest
    @DynamoTable(name = "FirstWithInstanceBaseOrders", partitionKey = "pk")
    static class FirstWithInstanceBase extends InstanceBase {
    }

    @DynamoTest
    @DynamoTable(name = "SecondWithInstanceBaseOrders", partitionKey = "pk")
    static class SecondWithInstanceBase extends InstanceBase {
    }

    @DynamoTest
    @DynamoTable(name = "FirstWithOwnStaticOrders", partitionKey = "pk")
    static class FirstWithOwnStatic {
        static DynamoDbClient client;

        @Test
        void sees_only_its_own_table(Dynamo dynamo, TestReporter reporter) {
            seesOnlyItsOwnTable(this, client, dynamo, reporter);
        }
    }

    @DynamoTest
    @DynamoTable(name = "SecondWithOwnStaticOrders", partitionKey = "pk")
    static class SecondWithOwnStatic {
        static DynamoDbClient client;

        @Test
        void sees_only_its_own_table(Dynamo dynamo, TestReporter reporter) {
            seesOnlyItsOwnTable(this, client, dynamo, reporter);
        }
    }

    abstract static class MeetingBase {
        static DynamoDbClient client;

        @Test
        void sees_only_its_own_table(Dynamo dynamo, TestReporter reporter) {
            seesOnlyItsOwnTable(this, client, dynamo, reporter);
        }
    }

    @ExtendWith(Rendezvous.class)
    @DynamoTest
    @DynamoTable(name = "FirstMeetingOrders", partitionKey = "pk")
    static class FirstMeeting extends MeetingBase {
    }

    @ExtendWith(Rendezvous.class)
    @DynamoTest
    @DynamoTable(name = "SecondMeetingOrders", partitionKey = "pk")
    static class SecondMeeting extends MeetingBase {
    }

    /**
     * Makes two classes overlap for sure: each waits before its {@code beforeAll} and after its {@code afterAll}
     * callbacks until the other got there too, so both are running while the extension fills their fields.
     */
    static final class Rendezvous implements BeforeAllCallback, AfterAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            meet(context, "before");
        }

        @Override
        public void afterAll(ExtensionContext context) throws Exception {
            meet(context, "after");
        }

        private static void meet(ExtensionContext context, String where) throws Exception {
            CyclicBarrier barrier = context.getRoot().getStore(ExtensionContext.Namespace.create(Rendezvous.class))
                    .getOrComputeIfAbsent(where, key -> new CyclicBarrier(2), CyclicBarrier.class);
            try {
                barrier.await(60, TimeUnit.SECONDS);
            } catch (TimeoutException | BrokenBarrierException e) {
                throw new AssertionError(context.getDisplayName() + " waited in vain for the other class " + where
                        + " its callbacks", e);
            }
        }
    }
}
