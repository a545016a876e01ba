package dev.dynamotest.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.dynamotest.core.CapacityMode;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.Isolation;
import dev.dynamotest.junit.RetryBackoff;
import dev.dynamotest.junit.Transport;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The endpoint started ahead of time when the JUnit launcher opens its session. */
class SpareEndpointTest {

    @BeforeEach
    @AfterEach
    void noSpare() {
        SpareEndpoint.discard();
    }

    @Test
    void a_class_with_the_default_settings_takes_the_spare_endpoint() {
        SpareEndpoint.prestart();
        URI spare = SpareEndpoint.pending().orElseThrow().join().endpoint();

        try (DynamoResource resource = DynamoResource.start(SpareEndpoint.DEFAULTS)) {
            assertThat(resource.backend().endpoint()).isEqualTo(spare);
            assertThat(SpareEndpoint.pending()).isEmpty();
            assertThat(resource.clients().client().listTables().tableNames()).isEmpty();
        }
        assertRefused(spare);
    }

    @Test
    void a_class_with_other_settings_starts_its_own_endpoint_and_the_spare_is_closed() {
        SpareEndpoint.prestart();
        URI spare = SpareEndpoint.pending().orElseThrow().join().endpoint();

        try (DynamoResource resource = DynamoResource.start(SpareEndpoint.DEFAULTS.withRegion("eu-west-1"))) {
            assertThat(resource.backend().endpoint()).isNotEqualTo(spare);
            assertThat(SpareEndpoint.pending()).isEmpty();
        }
        assertRefused(spare);
    }

    @Test
    void only_settings_an_endpoint_with_the_defaults_can_serve_fit() {
        assertThat(SpareEndpoint.fits(SpareEndpoint.DEFAULTS)).isTrue();
        assertThat(SpareEndpoint.fits(SpareEndpoint.DEFAULTS.withRegion("eu-west-1"))).isFalse();
        assertThat(SpareEndpoint.fits(new Settings("us-east-1", "127.0.0.1", 0, Isolation.PER_METHOD, null,
                List.of(), CapacityMode.OBSERVE, null, null, e -> e.clock(() -> Instant.EPOCH)))).isFalse();
        assertThat(SpareEndpoint.fits(new Settings("us-east-1", "127.0.0.1", 8123, Isolation.PER_CLASS, null,
                List.of(), CapacityMode.OBSERVE, null, null, null))).isFalse();
        assertThat(SpareEndpoint.fits(new Settings("us-east-1", "127.0.0.1", 0, Isolation.PER_METHOD, null,
                List.of(), CapacityMode.ENFORCE, null, null, null))).isFalse();
        assertThat(SpareEndpoint.fits(new Settings("us-east-1", "127.0.0.1", 0, Isolation.PER_CLASS, null,
                List.of(), CapacityMode.OBSERVE, RetryBackoff.NONE, Transport.HTTP, null))).isTrue();
    }

    @Test
    void a_launcher_session_starts_a_spare_that_the_first_class_takes() {
        List<String> endpoints = new ArrayList<>();
        List<TestExecutionResult> results = new ArrayList<>();
        URI spare;
        try (LauncherSession session = LauncherFactory.openSession()) {
            spare = SpareEndpoint.pending().orElseThrow().join().endpoint();
            session.getLauncher().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(OneClass.class)).build(), new TestExecutionListener() {
                        @Override
                        public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
                            entry.getKeyValuePairs().forEach((key, value) -> endpoints.add(value));
                        }

                        @Override
                        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                            if (test.isTest()) {
                                results.add(result);
                            }
                        }
                    });
        }

        assertThat(results).extracting(TestExecutionResult::getStatus)
                .containsExactly(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(endpoints).containsExactly(spare.toString());
        assertRefused(spare);
    }

    @Test
    void a_launcher_session_closes_a_spare_nobody_took() {
        URI spare;
        try (LauncherSession session = LauncherFactory.openSession()) {
            spare = SpareEndpoint.pending().orElseThrow().join().endpoint();
        }

        assertThat(SpareEndpoint.pending()).isEmpty();
        assertRefused(spare);
    }

    @Test
    void the_prestart_parameter_false_turns_the_head_start_off() {
        System.setProperty(SpareEndpoint.PRESTART, "false");
        try {
            assertThat(SpareEndpoint.wanted()).isFalse();
            try (LauncherSession session = LauncherFactory.openSession()) {
                assertThat(SpareEndpoint.pending()).isEmpty();
            }
        } finally {
            System.clearProperty(SpareEndpoint.PRESTART);
        }
        assertThat(SpareEndpoint.wanted()).isTrue();
    }

    @Test
    void no_head_start_when_the_tests_use_another_endpoint() {
        System.setProperty(ExtensionOptions.ENDPOINT_PROPERTY, "http://127.0.0.1:9");
        try {
            assertThat(SpareEndpoint.wanted()).isFalse();
        } finally {
            System.clearProperty(ExtensionOptions.ENDPOINT_PROPERTY);
        }
    }

    private static void assertRefused(URI endpoint) {
        assertThatThrownBy(() -> new Socket(endpoint.getHost(), endpoint.getPort()).close())
                .isInstanceOf(IOException.class);
    }

    @DynamoTest
    static class OneClass {
        @Test
        void publishes_its_endpoint(Dynamo dynamo, TestReporter reporter) {
            reporter.publishEntry("endpoint", dynamo.endpoint().toString());
        }
    }
}
