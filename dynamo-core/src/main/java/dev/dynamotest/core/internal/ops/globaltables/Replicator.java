package dev.dynamotest.core.internal.ops.globaltables;

import dev.dynamotest.core.Clock;
import dev.dynamotest.core.ControllableClock;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.write.ItemKeys;
import dev.dynamotest.core.internal.write.WritePath;
import dev.dynamotest.core.internal.schema.TableDescriptions;
import dev.dynamotest.core.internal.storage.TableCatalog;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.WritePath;
import dev.dynamotest.core.model.AttributeValue;
import dev.dynamotest.core.model.ChangeRecord;
import dev.dynamotest.core.regions.ReplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Global-table replication: listens to the change records of the one write path and replays every change made
 * in one replica into each other replica, through the write path with the origin {@link #ORIGIN} (so it is not
 * replicated back). Delivery is asynchronous and in order per replica pair, held back by the gates; concurrent
 * writes settle by last writer wins on {@link ItemVersion}s. A change that a replica refuses is never dropped
 * silently: it is logged with its stack trace and kept as a {@link ReplicationFailure}, which makes
 * {@link #awaitQuiet(Duration)} fail until {@link #forgetFailures()}.
 */
public final class Replicator implements AutoCloseable {

    /** The origin of the writes replication makes. */
    public static final String ORIGIN = "replication";

    private static final long POLL_MILLIS = 10;
    private static final Logger LOG = Logger.getLogger(Replicator.class.getName());

    private final TableCatalog catalog;
    private final WritePath writes;
    private final Clock clock;
    private final ItemVersions versions = new ItemVersions();
    private final ReplicationGates gates = new ReplicationGates();
    private final Map<String, Long> epochs = new ConcurrentHashMap<>();
    private final Map<String, Deque<PendingChange>> queues = new LinkedHashMap<>();
    private final ReentrantLock delivery = new ReentrantLock();
    private final ReentrantLock signal = new ReentrantLock();
    private final Condition changed = signal.newCondition();
    private final Thread worker;
    private final List<ReplicationFailure> failures = new ArrayList<>();
    private volatile boolean delivering = true;
    private volatile boolean closed;

    public Replicator(TableCatalog catalog, WritePath writes, Clock clock) {
        this.catalog = catalog;
        this.writes = writes;
        this.clock = clock;
        writes.addListener(this::onChange);
        writes.addResetListener(t -> forget(t.region(), t.name()));
        this.worker = new Thread(this::run, "dynamotest-replication");
        worker.setDaemon(true);
        worker.start();
    }


    private void onChange(ChangeRecord change) {
        if (ORIGIN.equals(change.origin())) {
            return;
        }
        TableMeta table = catalog.find(change.region(), change.tableName()).orElse(null);
        if (table == null || table.globalTableVersion() == null) {
            return;
        }
        List<String> targets = TableDescriptions.replicaRegions(table);
        if (targets.isEmpty()) {
            return;
        }
        ItemVersion version = ItemVersion.after(versions.get(change.region(), change.tableName(), change.keys()),
                change.time(), change.region());
        versions.put(change.region(), change.tableName(), change.keys(), version);
        synchronized (queues) {
            for (String target : targets) {
                queues.computeIfAbsent(pairKey(change.tableName(), change.region(), target), k -> new ArrayDeque<>())
                        .add(new PendingChange(change, target, version, epoch(change.region(), change.tableName()),
                                epoch(target, change.tableName())));
            }
        }
        wake();
    }

    /**
     * Copies an item into a new replica with the version it has in its source replica, so that later changes
     * settle against it (used to backfill a replica). Runs inside a write of the write path.
     */
    public Map<String, AttributeValue> backfilled(TableMeta source, String targetRegion,
            Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = source.keyOf(item);
        ItemVersion version = versions.get(source.region(), source.name(), key);
        if (version != null) {
            versions.put(targetRegion, source.name(), key, version);
        }
        return item;
    }

    /** Drops a table's pending changes and item versions: the table was emptied or deleted without records. */
    public void forget(String region, String table) {
        epochs.merge(ItemVersions.tableKey(region, table), 1L, Long::sum);
        versions.forget(region, table);
        synchronized (queues) {
            for (Map.Entry<String, Deque<PendingChange>> e : queues.entrySet()) {
                e.getValue().removeIf(p -> p.table().equals(table)
                        && (p.source().equals(region) || p.target().equals(region)));
            }
        }
    }

    private long epoch(String region, String table) {
        return epochs.getOrDefault(ItemVersions.tableKey(region, table), 0L);
    }

    /** Runs {@code work} while no change is being delivered (a new replica is backfilled so). */
    public void exclusive(Runnable work) {
        delivery.lock();
        try {
            work.run();
        } finally {
            delivery.unlock();
        }
    }

    /** Delivers every change that no gate holds, in order per replica pair. */
    public void deliverDue() {
        delivery.lock();
        try {
            boolean progress = true;
            while (progress && !closed) {
                progress = false;
                for (Deque<PendingChange> queue : snapshot()) {
                    while (true) {
                        PendingChange head;
                        synchronized (queues) {
                            head = queue.peek();
                        }
                        if (head == null || gates.hold(head, clock.now()) != null) {
                            break;
                        }
                        apply(head);
                        synchronized (queues) {
                            queue.remove(head);
                        }
                        progress = true;
                    }
                }
            }
        } finally {
            delivery.unlock();
        }
    }

    private List<Deque<PendingChange>> snapshot() {
        synchronized (queues) {
            return new ArrayList<>(queues.values());
        }
    }

    private void apply(PendingChange pending) {
        ChangeRecord change = pending.change();
        try {
            TableMeta target = catalog.find(pending.target(), change.tableName()).orElse(null);
            if (target == null || !TableDescriptions.replicaRegions(target).contains(change.region())) {
                return;
            }
            replay(pending, change, target);
        } catch (RuntimeException e) {
            if (!closed) {
                failed(new ReplicationFailure(change.tableName(), change.region(), pending.target(), change.keys(),
                        change.time(), e));
            }
        }
    }

    private void failed(ReplicationFailure failure) {
        Throwable cause = failure.cause();
        Throwable traced = cause.getStackTrace().length > 0 ? cause
                : new IllegalStateException("the replay of a change failed", cause);
        LOG.log(cause instanceof DynamoException ? Level.WARNING : Level.SEVERE,
                "replicated change refused: " + failure, traced);
        synchronized (failures) {
            failures.add(failure);
        }
    }

    /** The replicated changes that a replica refused, oldest first, since the last {@link #forgetFailures()}. */
    public List<ReplicationFailure> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /** Forgets the recorded failures (a test that expected them has seen them). */
    public void forgetFailures() {
        synchronized (failures) {
            failures.clear();
        }
    }

    private void replay(PendingChange pending, ChangeRecord change, TableMeta target) {
        writes.apply(new WritePath.Write(target, change.keys(), current -> {
            if (epoch(change.region(), change.tableName()) != pending.sourceEpoch()
                    || epoch(pending.target(), change.tableName()) != pending.targetEpoch()) {
                return current;
            }
            ItemVersion existing = versions.get(pending.target(), change.tableName(), change.keys());
            if (existing != null && existing.compareTo(pending.version()) >= 0) {
                return current;
            }
            if (change.newImage() != null) {
                ItemKeys.checkIndexKeys(target, change.newImage());
            }
            versions.put(pending.target(), change.tableName(), change.keys(), pending.version());
            return change.newImage();
        }, ORIGIN));
    }

    /** The changes not yet delivered. */
    public int backlog() {
        synchronized (queues) {
            return queues.values().stream().mapToInt(Deque::size).sum();
        }
    }

    /** How long the oldest undelivered change has waited, by the engine's clock; zero when there is none. */
    public Duration lag() {
        Instant oldest = null;
        synchronized (queues) {
            for (Deque<PendingChange> queue : queues.values()) {
                PendingChange head = queue.peek();
                if (head != null && (oldest == null || head.change().time().isBefore(oldest))) {
                    oldest = head.change().time();
                }
            }
        }
        if (oldest == null) {
            return Duration.ZERO;
        }
        Duration lag = Duration.between(oldest, clock.now());
        return lag.isNegative() ? Duration.ZERO : lag;
    }

    /**
     * Waits until every change is delivered. Fails at once with an {@link AssertionError} naming what holds the
     * backlog when only a pause, a region outage, or a delay on a frozen clock does; after {@code timeout}
     * otherwise; and, carrying the first failure as its cause, when a replica has refused a change. An error of
     * the delivery itself is thrown as it is.
     */
    public void awaitQuiet(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            deliverDue();
            checkNoFailures();
            List<String> holds = new ArrayList<>();
            boolean timeWillTell = false;
            Instant now = clock.now();
            synchronized (queues) {
                for (Deque<PendingChange> queue : queues.values()) {
                    PendingChange head = queue.peek();
                    if (head == null) {
                        continue;
                    }
                    ReplicationGates.Hold hold = gates.hold(head, now);
                    if (hold == null || hold.byClock() && !frozen()) {
                        timeWillTell = true;
                    }
                    holds.add(queue.size() + " change(s) of " + (hold == null ? head.table() + " "
                            + head.source() + " -> " + head.target() + " being delivered" : hold.reason()));
                }
            }
            if (holds.isEmpty()) {
                return;
            }
            if (!timeWillTell) {
                throw new AssertionError("Replication cannot become quiet: " + String.join("; ", holds)
                        + (frozen() ? " (the clock is frozen: advance it past the delay)" : ""));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Replication did not become quiet within " + timeout + ": "
                        + String.join("; ", holds));
            }
            await(POLL_MILLIS);
        }
    }

    private void checkNoFailures() {
        List<ReplicationFailure> refused = failures();
        if (!refused.isEmpty()) {
            StringBuilder message = new StringBuilder("Replication failed: ").append(refused.size())
                    .append(refused.size() == 1 ? " change was" : " changes were").append(" refused by a replica:");
            refused.forEach(f -> message.append("\n  ").append(f));
            throw new AssertionError(message.toString(), refused.get(0).cause());
        }
    }

    private boolean frozen() {
        return clock instanceof ControllableClock c && c.isFrozen();
    }

    /** The gates: pauses, region outages and delays. */
    public ReplicationGates gates() {
        return gates;
    }

    public void pause(String table, String from, String to, boolean paused) {
        gates.pause(table, from, to, paused);
        wake();
    }

    public void regionDown(String region, boolean down) {
        gates.regionDown(region, down);
        wake();
    }

    public boolean isDown(String region) {
        return gates.isDown(region);
    }

    public void delay(String table, Duration amount) {
        gates.delay(table, amount);
        wake();
    }

    public Duration delayOf(String table) {
        return gates.delayOf(table);
    }

    /** Lifts every pause, outage and delay. */
    public void resetGates() {
        gates.reset();
        wake();
    }

    /**
     * The background delivery. An error outside a replay (those become {@link ReplicationFailure}s) leaves the
     * change queued: it is logged with its stack trace (once while it repeats), retried, and thrown by
     * {@link #awaitQuiet(Duration)}, which delivers too.
     */
    private void run() {
        while (!closed) {
            try {
                deliverDue();
                delivering = true;
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.log(delivering ? Level.SEVERE : Level.FINE, "replication delivery failed; retrying", e);
                delivering = false;
            }
            await(backlog() == 0 ? 1000 : POLL_MILLIS);
        }
    }

    private void await(long millis) {
        signal.lock();
        try {
            changed.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        } finally {
            signal.unlock();
        }
    }

    private void wake() {
        signal.lock();
        try {
            changed.signalAll();
        } finally {
            signal.unlock();
        }
    }

    private static String pairKey(String table, String from, String to) {
        return table + "|" + from + "|" + to;
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
    }
}
