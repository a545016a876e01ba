package dev.dynamotest.core.internal.capacity;

import dev.dynamotest.core.CapacityMode;
import dev.dynamotest.core.capacity.CapacityUsage;
import dev.dynamotest.core.Clock;
import dev.dynamotest.core.capacity.ThrottleEvent;
import dev.dynamotest.core.internal.capacity.Lane.Verdict;
import dev.dynamotest.core.internal.capacity.TableLanes.Resource;
import dev.dynamotest.core.internal.storage.IndexMeta;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.model.AttributeValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Charges the units the operations compute to the lanes of tables and indexes, and decides, before a request is
 * served, whether DynamoDB would throttle it. A request is admitted while its lanes have capacity left (a request
 * whose size is known only after reading is admitted on the least it can take, then charged its actual units,
 * which may leave the lane in debt). In {@link CapacityMode#ENFORCE} a throttled request fails with {@link ThrottlingError}; in
 * {@link CapacityMode#OBSERVE} it is served, takes nothing from the lanes' capacity, and is recorded as a
 * {@link ThrottleEvent} either way.
 */
public final class CapacityModel {

    private static final int MAX_EVENTS = 10_000;

    private final Clock clock;
    private final CapacityMode defaultMode;
    private final boolean partitionLimits;
    private final Map<Long, TableLanes> tables = new ConcurrentHashMap<>();
    private final Map<String, CapacityMode> modes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<ThrottleEvent> events = new ConcurrentLinkedDeque<>();
    private final AtomicInteger eventCount = new AtomicInteger();
    private volatile int suspended;
    private volatile long epoch = Long.MIN_VALUE;
    private final List<ChargeListener> chargeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public CapacityModel(Clock clock, CapacityMode defaultMode, boolean partitionLimits) {
        this.clock = clock;
        this.defaultMode = defaultMode;
        this.partitionLimits = partitionLimits;
    }

    /**
     * Whether a read of the table, or of a global secondary index ({@code index} non-null and global), that takes
     * at least {@code units} (its size is not known yet) may be served; {@code partitionKey} is the partition key
     * value read, or {@code null} for a scan. Returns false for a read served only because the table observes;
     * throws {@link ThrottlingError} when it enforces.
     */
    public boolean admitRead(TableMeta table, IndexMeta index, AttributeValue partitionKey, double units) {
        return admit(table, (t, now) -> {
            Resource r = index == null || index.local() ? t.table : t.index(index.name());
            if (r == null) {
                return true;
            }
            Verdict v = r.read.verdict(now, units);
            Verdict p = partitionLimits && partitionKey != null && r == t.table
                    ? t.partition(partitionKey).read.verdict(now, units) : Verdict.SERVE;
            if (v == Verdict.SERVE && p == Verdict.SERVE) {
                return true;
            }
            List<ThrottlingError.Reason> reasons = new ArrayList<>(2);
            addReason(reasons, r, v, "Read");
            addReason(reasons, r, p, "Read");
            return throttle(t, reasons, r == t.table || p != Verdict.SERVE);
        });
    }

    /** Charges a read's units to the table or global secondary index read. */
    public void chargeRead(TableMeta table, IndexMeta index, AttributeValue partitionKey, double units,
            boolean admitted) {
        charge(table, (t, now) -> {
            Resource r = index == null || index.local() ? t.table : t.index(index.name());
            if (r == null) {
                return;
            }
            r.read.charge(now, units, admitted);
            notifyCharge(t, r, now, units, 0);
            if (partitionLimits && partitionKey != null && r == t.table) {
                t.partition(partitionKey).read.charge(now, units, admitted);
            }
        });
    }

    /**
     * Whether a write of {@code units} to the table, and of {@code indexUnits[i]} to the i-th index of
     * {@link TableMeta#indexes()} ({@code indexUnits} may be null), may be served: false when served only because
     * the table observes; throws {@link ThrottlingError} when it enforces.
     */
    public boolean admitWrite(TableMeta table, AttributeValue partitionKey, double units, double[] indexUnits) {
        return admit(table, (t, now) -> {
            Verdict v = t.table.write.verdict(now, units);
            Verdict p = partitionLimits && partitionKey != null ? t.partition(partitionKey).write.verdict(now, units)
                    : Verdict.SERVE;
            List<ThrottlingError.Reason> reasons = null;
            if (v != Verdict.SERVE || p != Verdict.SERVE) {
                reasons = new ArrayList<>(2);
                addReason(reasons, t.table, v, "Write");
                addReason(reasons, t.table, p, "Write");
            }
            boolean tableThrottled = reasons != null;
            if (indexUnits != null) {
                for (int i = 0; i < indexUnits.length; i++) {
                    Resource r = t.indexAt(i);
                    if (r == null || indexUnits[i] <= 0) {
                        continue;
                    }
                    Verdict iv = r.write.verdict(now, indexUnits[i]);
                    if (iv != Verdict.SERVE) {
                        reasons = reasons == null ? new ArrayList<>(2) : reasons;
                        addReason(reasons, r, iv, "Write");
                    }
                }
            }
            return reasons == null || throttle(t, reasons, tableThrottled);
        });
    }

    /** Charges a write's units to the table and to the global secondary indexes it changed. */
    public void chargeWrite(TableMeta table, AttributeValue partitionKey, double units, double[] indexUnits,
            boolean admitted) {
        charge(table, (t, now) -> {
            t.table.write.charge(now, units, admitted);
            notifyCharge(t, t.table, now, 0, units);
            if (partitionLimits && partitionKey != null) {
                t.partition(partitionKey).write.charge(now, units, admitted);
            }
            if (indexUnits != null) {
                for (int i = 0; i < indexUnits.length; i++) {
                    Resource r = t.indexAt(i);
                    if (r != null && indexUnits[i] > 0) {
                        r.write.charge(now, indexUnits[i], admitted);
                        notifyCharge(t, r, now, 0, indexUnits[i]);
                    }
                }
            }
        });
    }

    /** A decision taken on a table's lanes at {@code now} (microseconds), under their lock. */
    private interface LaneAdmission {
        boolean admit(TableLanes t, long now);
    }

    /** A charge made to a table's lanes at {@code now} (microseconds), under their lock. */
    private interface LaneCharge {
        void charge(TableLanes t, long now);
    }

    /** Whether the admission lets the request through; every request passes while the model is suspended. */
    private boolean admit(TableMeta table, LaneAdmission admission) {
        if (suspended > 0) {
            return true;
        }
        long now = micros();
        TableLanes t = lanes(table, now);
        synchronized (t) {
            return admission.admit(t, now);
        }
    }

    /** Makes the charge, unless the model is suspended. */
    private void charge(TableMeta table, LaneCharge charge) {
        if (suspended > 0) {
            return;
        }
        long now = micros();
        TableLanes t = lanes(table, now);
        synchronized (t) {
            charge.charge(t, now);
        }
    }

    /** Adds a listener told of every charge (auto scaling follows consumption through it). */
    public void addChargeListener(ChargeListener listener) {
        chargeListeners.add(listener);
    }

    private void notifyCharge(TableLanes t, Resource r, long now, double read, double write) {
        for (ChargeListener l : chargeListeners) {
            l.charged(t.region, t.name, r.index, now, read, write);
        }
    }

    /** The mode of a table: its own, or the engine's. */
    public CapacityMode mode(String region, String table) {
        return modes.getOrDefault(region + "/" + table, defaultMode);
    }

    /** Sets a table's own mode ({@code null} to follow the engine's again); kept if the table is recreated. */
    public void mode(String region, String table, CapacityMode mode) {
        if (mode == null) {
            modes.remove(region + "/" + table);
        } else {
            modes.put(region + "/" + table, mode);
        }
    }

    /** The usage of a table ({@code index} null) or of one of its global secondary indexes. */
    public CapacityUsage usage(String region, String table, String index) {
        TableLanes t = latest(region, table);
        if (t == null) {
            return CapacityUsage.none(region, table, index);
        }
        synchronized (t) {
            Resource r = index == null ? t.table : t.index(index);
            if (r == null) {
                return CapacityUsage.none(region, table, index);
            }
            return new CapacityUsage(region, table, index, r.read.total(), r.write.total(), r.read.peak(),
                    r.write.peak());
        }
    }

    /** Since when a table is metered, in microseconds of the clock: its creation, or the last reset if later. */
    public long since(TableMeta table) {
        TableLanes t = lanes(table, micros());
        synchronized (t) {
            return t.started();
        }
    }

    /** The clock's time in microseconds. */
    public long now() {
        return micros();
    }

    /** The names of the global secondary indexes whose usage is known for a table. */
    public List<String> indexes(String region, String table) {
        TableLanes t = latest(region, table);
        if (t == null) {
            return List.of();
        }
        synchronized (t) {
            return List.copyOf(new java.util.TreeSet<>(t.indexes.keySet()));
        }
    }

    /** The throttle events recorded, oldest first (at most the latest 10,000). */
    public List<ThrottleEvent> throttles() {
        return List.copyOf(events);
    }

    /** Records a throttle event that something else produced (a fault rule). */
    public void record(ThrottleEvent event) {
        events.addLast(event);
        if (eventCount.incrementAndGet() > MAX_EVENTS) {
            events.pollFirst();
            eventCount.decrementAndGet();
        }
    }

    /** Forgets usage and throttle events; the tables' capacity (burst, peaks) stays as it is. */
    public void resetUsage() {
        for (TableLanes t : tables.values()) {
            synchronized (t) {
                t.resetUsage();
            }
        }
        events.clear();
        eventCount.set(0);
    }

    /** Forgets everything of every table, as if each had just been created now. */
    public void resetAll() {
        epoch = micros();
        tables.clear();
        events.clear();
        eventCount.set(0);
    }

    /** Stops metering (for set-up requests such as seeding) until {@link #resume()}; calls nest. */
    public void suspend() {
        synchronized (this) {
            suspended++;
        }
    }

    public void resume() {
        synchronized (this) {
            suspended = Math.max(0, suspended - 1);
        }
    }

    private TableLanes latest(String region, String table) {
        TableLanes found = null;
        for (TableLanes t : tables.values()) {
            if (t.region.equals(region) && t.name.equals(table) && (found == null || t.id > found.id)) {
                found = t;
            }
        }
        return found;
    }

    private TableLanes lanes(TableMeta table, long now) {
        TableLanes t = tables.get(table.id());
        if (t == null) {
            t = tables.computeIfAbsent(table.id(), id -> new TableLanes(table, epoch));
        }
        synchronized (t) {
            t.configure(table, now);
        }
        return t;
    }

    private static void addReason(List<ThrottlingError.Reason> reasons, Resource r, Verdict v, String operation) {
        if (v == Verdict.SERVE) {
            return;
        }
        String limit = switch (v) {
            case PROVISIONED -> "ProvisionedThroughputExceeded";
            case KEY_RANGE -> "KeyRangeThroughputExceeded";
            default -> "MaxOnDemandThroughputExceeded";
        };
        ThrottlingError.Reason reason = new ThrottlingError.Reason((r.index == null ? "Table" : "Index") + operation
                + limit, r.arn);
        if (!reasons.contains(reason)) {
            reasons.add(reason);
        }
    }

    private boolean throttle(TableLanes t, List<ThrottlingError.Reason> reasons, boolean tableThrottled) {
        CapacityMode mode = mode(t.region, t.name);
        boolean enforced = mode == CapacityMode.ENFORCE;
        Instant time = clock.now();
        for (ThrottlingError.Reason r : reasons) {
            String index = r.resource().contains("/index/")
                    ? r.resource().substring(r.resource().indexOf("/index/") + 7) : null;
            record(new ThrottleEvent(time, t.region, t.name, index, r.reason(), r.resource(),
                    ThrottleEvent.Source.CAPACITY_MODEL, enforced));
        }
        if (!enforced) {
            return false;
        }
        throw error(t.provisioned(), reasons, tableThrottled);
    }

    private static ThrottlingError error(boolean provisioned, Collection<ThrottlingError.Reason> reasons,
            boolean tableThrottled) {
        if (provisioned) {
            return new ThrottlingError(ThrottlingError.PROVISIONED_TYPE,
                    tableThrottled ? ThrottlingError.TABLE_MESSAGE : ThrottlingError.INDEX_MESSAGE, List.copyOf(reasons));
        }
        boolean max = reasons.stream().allMatch(r -> r.reason().endsWith("MaxOnDemandThroughputExceeded"));
        return new ThrottlingError(ThrottlingError.THROTTLING_TYPE,
                max ? ThrottlingError.MAX_MESSAGE : ThrottlingError.ON_DEMAND_MESSAGE, List.copyOf(reasons));
    }

    private long micros() {
        Instant now = clock.now();
        return now.getEpochSecond() * Lane.MICROS + now.getNano() / 1000;
    }
}
