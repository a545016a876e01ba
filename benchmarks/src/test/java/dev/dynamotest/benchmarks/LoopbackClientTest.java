package dev.dynamotest.benchmarks;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LoopbackClientTest {

    @Test
    void accepts_loopback_addresses() {
        for (String url : new String[] {"http://127.0.0.1:8000", "http://localhost:1", "http://[::1]:8000"}) {
            assertThatCode(() -> LoopbackClient.requireLoopback(URI.create(url))).doesNotThrowAnyException();
        }
    }

    @Test
    void refuses_any_other_address() {
        assertThatThrownBy(() -> LoopbackClient.requireLoopback(URI.create("http://10.1.2.3:8000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only drives loopback addresses");
        assertThatThrownBy(() -> LoopbackClient.requireLoopback(URI.create("https://127.0.0.1:8000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http:// URL on a loopback address");
    }
}
