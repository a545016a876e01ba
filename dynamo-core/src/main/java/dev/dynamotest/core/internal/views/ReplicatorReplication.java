package dev.dynamotest.core.internal.views;

import dev.dynamotest.core.internal.ops.globaltables.Replicator;
import dev.dynamotest.core.regions.Replication;
import dev.dynamotest.core.regions.ReplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** The engine's {@link Replication}, over its replicator. */
public final class ReplicatorReplication implements Replication {

    private final Replicator replicator;

    public ReplicatorReplication(Replicator replicator) {
        this.replicator = replicator;
    }

    @Override
    public Replication awaitQuiet() {
        return awaitQuiet(DEFAULT_TIMEOUT);
    }

    @Override
    public Replication awaitQuiet(Duration timeout) {
        replicator.awaitQuiet(Objects.requireNonNull(timeout, "timeout"));
        return this;
    }

    @Override
    public boolean isCaughtUp() {
        return replicator.backlog() == 0 && replicator.failures().isEmpty();
    }

    @Override
    public int backlog() {
        return replicator.backlog();
    }

    @Override
    public Duration lag() {
        return replicator.lag();
    }

    @Override
    public Replication pause() {
        replicator.pause(null, null, null, true);
        return this;
    }

    @Override
    public Replication resume() {
        replicator.pause(null, null, null, false);
        return this;
    }

    @Override
    public Replication pause(String table) {
        replicator.pause(Objects.requireNonNull(table, "table"), null, null, true);
        return this;
    }

    @Override
    public Replication resume(String table) {
        replicator.pause(Objects.requireNonNull(table, "table"), null, null, false);
        return this;
    }

    @Override
    public Replication pause(String table, String fromRegion, String toRegion) {
        replicator.pause(Objects.requireNonNull(table, "table"), Objects.requireNonNull(fromRegion, "fromRegion"),
                Objects.requireNonNull(toRegion, "toRegion"), true);
        return this;
    }

    @Override
    public Replication resume(String table, String fromRegion, String toRegion) {
        replicator.pause(Objects.requireNonNull(table, "table"), Objects.requireNonNull(fromRegion, "fromRegion"),
                Objects.requireNonNull(toRegion, "toRegion"), false);
        return this;
    }

    @Override
    public Replication delay(Duration amount) {
        replicator.delay(null, checked(amount));
        return this;
    }

    @Override
    public Replication delay(String table, Duration amount) {
        replicator.delay(Objects.requireNonNull(table, "table"), checked(amount));
        return this;
    }

    @Override
    public Duration delayOf(String table) {
        return replicator.delayOf(table);
    }

    @Override
    public List<ReplicationFailure> failures() {
        return replicator.failures();
    }

    @Override
    public Replication reset() {
        replicator.resetGates();
        replicator.forgetFailures();
        return this;
    }

    private static Duration checked(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a replication delay cannot be negative: " + amount);
        }
        return amount;
    }

    @Override
    public String toString() {
        return "Replication[backlog " + backlog() + ", lag " + lag() + "]";
    }
}
