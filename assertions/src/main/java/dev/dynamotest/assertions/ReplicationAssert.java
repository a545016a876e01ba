package dev.dynamotest.assertions;

import dev.dynamotest.assertions.internal.AssertContext;
import dev.dynamotest.assertions.internal.Messages;
import dev.dynamotest.assertions.internal.Render;
import dev.dynamotest.core.regions.Replication;
import dev.dynamotest.core.regions.ReplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on global-table replication: whether every replica has caught up, and how far behind it may be.
 * Obtain it with {@link DynamoAssertions#assertThat(Replication)}.
 *
 * <pre>{@code
 * assertThat(dynamo.replication()).eventually().isCaughtUp();
 * assertThat(dynamo.replication()).hasLagAtMost(Duration.ofSeconds(1));
 * }</pre>
 */
public class ReplicationAssert extends AbstractAssert<ReplicationAssert, Replication> {

    private static final String WHERE = "Replication";

    private final AssertContext context;

    public ReplicationAssert(Replication actual) {
        this(actual, AssertContext.hard());
    }

    private ReplicationAssert(Replication actual, AssertContext context) {
        super(Objects.requireNonNull(actual, "replication"), ReplicationAssert.class);
        this.context = context;
    }

    /** The same assertions, each polled until it passes or the default timeout passes. */
    @CheckReturnValue
    public ReplicationAssert eventually() {
        return eventually(AssertContext.defaultTimeout());
    }

    /** The same assertions, each polled until it passes or the timeout passes. */
    @CheckReturnValue
    public ReplicationAssert eventually(Duration timeout) {
        return new ReplicationAssert(actual, context.eventually(timeout));
    }

    /** Verifies that every change has reached every replica: none waits, and no replica refused one. */
    public ReplicationAssert isCaughtUp() {
        context.check(() -> {
            List<ReplicationFailure> failures = actual.failures();
            if (!failures.isEmpty()) {
                StringBuilder message = new StringBuilder("Expecting every replica to be caught up, but ")
                        .append(Messages.count(failures.size(), "change")).append(" ")
                        .append(failures.size() == 1 ? "was" : "were").append(" refused by a replica:");
                failures.forEach(f -> message.append("\n  ").append(f));
                throw Messages.failure(WHERE, message.toString());
            }
            int backlog = actual.backlog();
            if (backlog > 0) {
                throw Messages.failure(WHERE, "Expecting every replica to be caught up, but "
                        + Messages.count(backlog, "change") + " " + (backlog == 1 ? "waits" : "wait")
                        + " to be delivered, the oldest for " + Render.duration(actual.lag()));
            }
        });
        return this;
    }

    /** Verifies that the oldest undelivered change has waited no longer than {@code max} by the engine's clock. */
    public ReplicationAssert hasLagAtMost(Duration max) {
        Objects.requireNonNull(max, "max");
        context.check(() -> {
            Duration lag = actual.lag();
            if (lag.compareTo(max) > 0) {
                throw Messages.failure(WHERE, "Expecting the replication lag to be at most:\n  "
                        + Render.duration(max) + "\nbut it is:\n  " + Render.duration(lag) + "\n("
                        + Messages.count(actual.backlog(), "change") + " to be delivered)");
            }
        });
        return this;
    }
}
