package dev.dynamotest.assertions.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertionsProvider;
import org.assertj.core.internal.Failures;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * How an assertion chain runs its checks: at once or polled until they pass ({@code eventually()}), and
 * whether failures are thrown or collected by soft assertions. Navigation hands it on to the next subject.
 */
public final class AssertContext {

    /** The system property that sets the default timeout of {@code eventually()}: ISO-8601 or milliseconds. */
    public static final String TIMEOUT_PROPERTY = "dynamotest.eventually.timeout";

    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);
    private static final AssertContext HARD = new AssertContext(null, null);

    private final Duration timeout;
    private final SoftAssertionsProvider soft;

    private AssertContext(Duration timeout, SoftAssertionsProvider soft) {
        this.timeout = timeout;
        this.soft = soft;
    }

    /** Checks run once, failures thrown. */
    public static AssertContext hard() {
        return HARD;
    }

    /** Checks run once, failures collected by the given soft assertions. */
    public static AssertContext soft(SoftAssertionsProvider soft) {
        return new AssertContext(null, soft);
    }

    /** This context, with checks polled until they pass or the timeout passes. */
    public AssertContext eventually(Duration within) {
        if (within.isNegative() || within.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, not " + within);
        }
        return new AssertContext(within, soft);
    }

    /** The timeout of {@code eventually()} when none is given: the system property, else 5 seconds. */
    public static Duration defaultTimeout() {
        String configured = System.getProperty(TIMEOUT_PROPERTY);
        if (configured == null || configured.isBlank()) {
            return Duration.ofSeconds(5);
        }
        try {
            return configured.trim().matches("\\d+") ? Duration.ofMillis(Long.parseLong(configured.trim()))
                    : Duration.parse(configured.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("system property " + TIMEOUT_PROPERTY + " is \"" + configured
                    + "\"; give a duration such as PT10S or a number of milliseconds", e);
        }
    }

    public boolean isSoft() {
        return soft != null;
    }

    /** Runs a check: once, or until it passes within the timeout. */
    public void check(Runnable check) {
        if (timeout == null) {
            check.run();
        } else {
            poll(timeout, check);
        }
    }

    /** Polls a check until it passes; on timeout fails with the duration and the last failure. */
    public static void poll(Duration timeout, Runnable check) {
        AtomicReference<AssertionError> last = new AtomicReference<>();
        try {
            Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(POLL_INTERVAL)
                    .pollInSameThread().untilAsserted(() -> {
                        try {
                            check.run();
                        } catch (AssertionError e) {
                            last.set(e);
                            throw e;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            AssertionError error = Failures.instance().failure("Still failing after " + Render.duration(timeout)
                    + "; the last failure was:\n" + (last.get() == null ? e.getMessage() : last.get().getMessage()));
            error.initCause(last.get());
            throw error;
        }
    }

    /** A failure found while navigating: thrown, or collected when soft (the caller then goes on). */
    public void report(AssertionError failure) {
        if (soft == null) {
            throw failure;
        }
        soft.collectAssertionError(failure);
    }

    /** A new assert for a subject: a soft-assertion proxy when soft, else made directly. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <A, S> A create(Class<A> type, Class<S> subjectType, S subject, Function<S, A> direct) {
        return soft == null ? direct.apply(subject) : (A) soft.proxy((Class) type, (Class) subjectType, subject);
    }
}
