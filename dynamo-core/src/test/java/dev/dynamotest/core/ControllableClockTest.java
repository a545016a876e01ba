package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ControllableClockTest {

    private final Instant start = Instant.parse("2026-01-01T00:00:00Z");
    private Instant source = start;
    private final ControllableClock clock = new ControllableClock(() -> source);

    @Test
    void follows_its_source_until_frozen() {
        source = start.plusSeconds(5);
        assertThat(clock.now()).isEqualTo(start.plusSeconds(5));

        clock.freeze();
        source = start.plusSeconds(60);

        assertThat(clock.now()).isEqualTo(start.plusSeconds(5));
        assertThat(clock.isFrozen()).isTrue();
    }

    @Test
    void advances_frozen_time() {
        clock.freezeAt(start).advance(Duration.ofHours(25));

        assertThat(clock.now()).isEqualTo(start.plus(Duration.ofHours(25)));
    }

    @Test
    void advances_running_time_by_an_offset() {
        clock.advance(Duration.ofDays(1));
        source = start.plusSeconds(1);

        assertThat(clock.now()).isEqualTo(start.plus(Duration.ofDays(1)).plusSeconds(1));
    }

    @Test
    void advances_from_several_threads_add_up_frozen_or_running() throws InterruptedException {
        clock.advance(Duration.ofSeconds(1));
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    clock.advance(Duration.ofMillis(1));
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(clock.now()).isEqualTo(start.plusSeconds(5));
        clock.freeze().advance(Duration.ofSeconds(1));
        assertThat(clock.now()).isEqualTo(start.plusSeconds(6));
    }

    @Test
    void runs_on_from_where_it_was_frozen() {
        clock.freezeAt(start.plusSeconds(100));
        clock.unfreeze();
        source = start.plusSeconds(10);

        assertThat(clock.now()).isEqualTo(start.plusSeconds(110));
    }

    @Test
    void reset_returns_to_the_source_time() {
        clock.freezeAt(start.plusSeconds(100)).reset();
        source = start.plusSeconds(3);

        assertThat(clock.now()).isEqualTo(start.plusSeconds(3));
        assertThat(clock.isFrozen()).isFalse();
    }

    @Test
    void refuses_to_go_backwards() {
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("time only moves forward: PT-1S");
    }
}
