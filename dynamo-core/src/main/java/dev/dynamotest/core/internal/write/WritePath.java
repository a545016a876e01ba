package dev.dynamotest.core.internal.write;

import dev.dynamotest.core.CapacityMode;
import dev.dynamotest.core.ChangeListener;
import dev.dynamotest.core.Clock;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.capacity.CapacityModel;
import dev.dynamotest.core.internal.storage.ChangeLog;
import dev.dynamotest.core.internal.storage.H2Database;
import dev.dynamotest.core.internal.storage.IndexMeta;
import dev.dynamotest.core.internal.storage.ItemSize;
import dev.dynamotest.core.internal.storage.ItemStore;
import dev.dynamotest.core.internal.storage.StorageException;
import dev.dynamotest.core.internal.storage.StoredKey;
import dev.dynamotest.core.internal.storage.StoredRow;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.model.AttributeValue;
import dev.dynamotest.core.model.ChangeRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * The one write path: every mutation of an item, whatever its source, goes through {@link #apply}. In one
 * H2 transaction it reads each item's current image, computes the new one, writes it, and appends a change
 * record; then it tells the change listeners, in commit order.
 */
public final class WritePath {

    /**
     * One item mutation. {@code change} receives the current image ({@code null} when absent) and returns
     * the new one ({@code null} to delete); it may throw a DynamoException to fail the whole write.
     */
    public record Write(TableMeta table, Map<String, AttributeValue> key,
            UnaryOperator<Map<String, AttributeValue>> change, String origin) {
    }

    /**
     * What a write did: the images before and after, its change record (null when nothing changed), and the write
     * units it consumed on the table (double in a transaction).
     */
    public record Outcome(Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage,
            ChangeRecord change, double writeUnits, double[] indexWriteUnits) {

        /** An outcome that changed no global secondary index. */
        public Outcome(Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage, ChangeRecord change,
                double writeUnits) {
            this(oldImage, newImage, change, writeUnits, null);
        }
    }

    /** The origin of writes that clients make; writes of other origins (TTL, replication, ...) are not metered. */
    private static final String METERED_ORIGIN = "user";

    /**
     * Thrown by {@link #applyAll} when writes failed: the failure of every write in order ({@code null} for the
     * writes that would have succeeded). Nothing was written.
     */
    public static final class Rejected extends RuntimeException {

        private final transient List<DynamoException> failures;

        Rejected(List<DynamoException> failures) {
            super("writes rejected", null, false, false);
            this.failures = Collections.unmodifiableList(failures);
        }

        public List<DynamoException> failures() {
            return failures;
        }
    }

    /** One item to read with {@link #read}. */
    public record Read(TableMeta table, Map<String, AttributeValue> key) {
    }

    private final ItemStore store;
    private final ChangeLog log;
    private final Clock clock;
    private final CapacityModel capacity;
    private static final int BACKFILL_PAGE = 1000;

    private final ReentrantLock lock = new ReentrantLock();
    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<TableMeta>> resetListeners = new CopyOnWriteArrayList<>();
    private final Connection connection;

    public WritePath(H2Database db, ItemStore store, ChangeLog log, Clock clock) {
        this(db, store, log, clock, new CapacityModel(clock, CapacityMode.OBSERVE, false));
    }

    /** A write path that charges the writes' units to {@code capacity} (step 5) and lets it throttle them. */
    public WritePath(H2Database db, ItemStore store, ChangeLog log, Clock clock, CapacityModel capacity) {
        this.store = store;
        this.log = log;
        this.clock = clock;
        this.capacity = capacity;
        this.connection = db.dedicatedSession().connection();
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new StorageException("cannot open the write connection", e);
        }
    }

    /** The capacity model the writes are charged to; the read operations charge theirs there too. */
    public CapacityModel capacity() {
        return capacity;
    }

    public void addListener(ChangeListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ChangeListener listener) {
        listeners.remove(listener);
    }

    /** Adds a listener told when a table is emptied without change records ({@link #truncate}). */
    public void addResetListener(java.util.function.Consumer<TableMeta> listener) {
        resetListeners.add(listener);
    }

    /** Applies one write. */
    public Outcome apply(Write write) {
        return apply(List.of(write)).get(0);
    }

    /** Applies writes atomically: all of them, or (when one throws) none. */
    public List<Outcome> apply(List<Write> writes) {
        return apply(writes, false);
    }

    /**
     * Applies writes atomically like {@link #apply(List)}, but when a write's change throws a DynamoException it
     * still gives every other write its turn, then writes nothing and throws {@link Rejected} with all failures.
     */
    public List<Outcome> applyAll(List<Write> writes) {
        return apply(writes, true);
    }

    /** Reads items at one point of the commit order: no write comes between the reads. */
    public List<Map<String, AttributeValue>> read(List<Read> reads) {
        lock.lock();
        try {
            List<Map<String, AttributeValue>> items = new ArrayList<>(reads.size());
            for (Read read : reads) {
                items.add(store.get(connection, read.table(), StoredKey.of(read.table(), read.key())));
            }
            rollback();
            return items;
        } finally {
            lock.unlock();
        }
    }

    private List<Outcome> apply(List<Write> writes, boolean collectFailures) {
        lock.lock();
        try {
            List<Outcome> outcomes = new ArrayList<>(writes.size());
            double multiplier = collectFailures ? 2 : 1;
            try {
                List<DynamoException> failures = new ArrayList<>(writes.size());
                boolean failed = false;
                for (Write write : writes) {
                    if (!collectFailures) {
                        outcomes.add(applyOne(write, multiplier, false));
                        continue;
                    }
                    try {
                        outcomes.add(applyOne(write, multiplier, true));
                        failures.add(null);
                    } catch (DynamoException e) {
                        failures.add(e);
                        failed = true;
                    }
                }
                if (failed) {
                    throw new Rejected(failures);
                }
                connection.commit();
                store.ended(connection, true);
            } catch (RuntimeException | SQLException e) {
                rollback();
                if (e instanceof SQLException sql) {
                    throw new StorageException("write failed", sql);
                }
                throw (RuntimeException) e;
            }
            for (Outcome outcome : outcomes) {
                if (outcome.change() != null) {
                    for (ChangeListener listener : listeners) {
                        listener.onChange(outcome.change());
                    }
                }
            }
            return outcomes;
        } finally {
            lock.unlock();
        }
    }

    private Outcome applyOne(Write write, double multiplier, boolean transactional) {
        TableMeta table = write.table();
        StoredKey key = StoredKey.of(table, write.key());
        Map<String, AttributeValue> current = store.get(connection, table, key);
        Map<String, AttributeValue> next;
        try {
            next = write.change().apply(current);
            if (next != null) {
                next = SortedSets.of(next);
            }
        } catch (DynamoException e) {
            if (!transactional) {
                chargeFailedCondition(write, current, e);
            }
            throw e;
        }
        int newSize = next == null ? 0 : ItemSize.of(next);
        double units = multiplier * Capacity.writeUnits(Math.max(current == null ? 0 : ItemSize.of(current),
                newSize));
        boolean unchanged = java.util.Objects.equals(current, next);
        boolean metered = METERED_ORIGIN.equals(write.origin());
        AttributeValue partitionKey = metered ? write.key().get(table.hashKey().name()) : null;
        double[] indexUnits = metered && !unchanged ? Capacity.indexWriteUnits(table, current, next, multiplier)
                : null;
        boolean admitted = !metered || capacity.admitWrite(table, partitionKey, units, indexUnits);
        if (unchanged) {
            if (metered) {
                capacity.chargeWrite(table, partitionKey, units, null, admitted);
            }
            return new Outcome(current, next, null, units);
        }
        next = LegacyReplicaStamp.stamp(table, write.origin(), next, clock.now());
        if (next == null) {
            store.delete(connection, table, ItemStore.BASE, key);
        } else {
            store.put(connection, table, ItemStore.BASE, key, next, newSize);
        }
        for (IndexMeta index : table.indexes()) {
            if (index.covers(current)) {
                store.delete(connection, table, index.name(), StoredKey.of(table, index, current));
            }
            if (index.covers(next)) {
                Map<String, AttributeValue> projected = index.project(table, next);
                store.put(connection, table, index.name(), StoredKey.of(table, index, next), projected,
                        ItemSize.of(projected));
            }
        }
        String event = current == null ? "INSERT" : next == null ? "REMOVE" : "MODIFY";
        ChangeRecord record = new ChangeRecord(log.nextSequence(), table.region(), table.name(), event,
                table.keyOf(next != null ? next : current), current, next,
                clock.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS), write.origin());
        log.append(connection, table.id(), record);
        if (metered) {
            capacity.chargeWrite(table, partitionKey, units, indexUnits, admitted);
        }
        return new Outcome(current, next, record, units, indexUnits);
    }

    /**
     * A single write whose condition fails still takes write units from its table, as in DynamoDB: those of the
     * existing item's size, at least one. A table over its capacity throttles the write before its condition is
     * looked at. Not for the writes of a transaction: a cancelled transaction is not charged here.
     */
    private void chargeFailedCondition(Write write, Map<String, AttributeValue> current, DynamoException failure) {
        if (!METERED_ORIGIN.equals(write.origin())
                || !"ConditionalCheckFailedException".equals(failure.type())) {
            return;
        }
        TableMeta table = write.table();
        double units = Capacity.writeUnits(current == null ? 0 : ItemSize.of(current));
        AttributeValue partitionKey = write.key().get(table.hashKey().name());
        boolean admitted = capacity.admitWrite(table, partitionKey, units, null);
        capacity.chargeWrite(table, partitionKey, units, null, admitted);
    }

    /**
     * Switches a table to new metadata whose secondary indexes may differ: under the write lock, rows of
     * dropped indexes are deleted and new indexes are filled from the table's items, then {@code publish}
     * makes the new metadata visible, so no write falls between the backfill and the switch.
     */
    public void reindex(TableMeta before, TableMeta after, Runnable publish) {
        lock.lock();
        try {
            Set<String> kept = new HashSet<>();
            after.indexes().forEach(i -> kept.add(i.name()));
            for (IndexMeta index : before.indexes()) {
                if (!kept.contains(index.name())) {
                    store.deleteAll(connection, before, index.name());
                }
            }
            Set<String> existing = new HashSet<>();
            before.indexes().forEach(i -> existing.add(i.name()));
            for (IndexMeta index : after.indexes()) {
                if (!existing.contains(index.name())) {
                    backfill(after, index);
                }
            }
            connection.commit();
            store.ended(connection, true);
            publish.run();
        } catch (SQLException e) {
            rollback();
            throw new StorageException("cannot rebuild the indexes of " + after.name(), e);
        } finally {
            lock.unlock();
        }
    }

    private void backfill(TableMeta table, IndexMeta index) {
        StoredKey after = null;
        while (true) {
            List<StoredRow> page = store.scan(connection, table, ItemStore.BASE, Integer.MIN_VALUE,
                    Integer.MAX_VALUE, after, BACKFILL_PAGE);
            for (StoredRow row : page) {
                if (index.covers(row.item())) {
                    Map<String, AttributeValue> projected = index.project(table, row.item());
                    store.put(connection, table, index.name(), StoredKey.of(table, index, row.item()), projected,
                            ItemSize.of(projected));
                }
            }
            if (page.size() < BACKFILL_PAGE) {
                return;
            }
            after = page.get(page.size() - 1).key();
        }
    }

    /**
     * Runs {@code reading} at one point of the commit order: no write commits while it runs, so what it reads
     * of the items and of the change log's last sequence number belong together.
     */
    public <T> T atCommitPoint(java.util.function.Supplier<T> reading) {
        lock.lock();
        try {
            return reading.get();
        } finally {
            lock.unlock();
        }
    }

    /** Deletes every row of a table and its indexes, without change records (a test reset). */
    public void truncate(TableMeta table) {
        lock.lock();
        try {
            store.deleteAll(connection, table, null);
            connection.commit();
            store.ended(connection, true);
            resetListeners.forEach(l -> l.accept(table));
        } catch (SQLException e) {
            rollback();
            throw new StorageException("cannot truncate " + table.name(), e);
        } finally {
            lock.unlock();
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw new StorageException("rollback failed", e);
        } finally {
            store.ended(connection, false);
        }
    }
}
