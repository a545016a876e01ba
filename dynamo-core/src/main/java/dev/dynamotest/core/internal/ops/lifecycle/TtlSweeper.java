package dev.dynamotest.core.internal.ops.lifecycle;

import dev.dynamotest.core.internal.write.EngineContext;
import dev.dynamotest.core.internal.write.WritePath;
import dev.dynamotest.core.internal.schema.TableDescriptions;
import dev.dynamotest.core.internal.storage.ItemStore;
import dev.dynamotest.core.internal.storage.StoredKey;
import dev.dynamotest.core.internal.storage.StoredRow;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.EngineContext;
import dev.dynamotest.core.internal.write.WritePath;
import dev.dynamotest.core.model.AttributeValue;
import dev.dynamotest.core.model.ChangeRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deletes expired items of the tables with time to live enabled, on the engine clock. An item expires at the
 * time its TTL attribute gives (a top-level Number, epoch seconds); other types, and times five years or more
 * in the past, never expire. The sweep deletes an item once the sweep delay has passed after its expiry, through
 * the one write path with origin {@code ttl} (a REMOVE by the DynamoDB service in streams); until then the
 * item stays readable, as in DynamoDB. Of a global table's replicas only one sweeps; replication brings its
 * deletions to the others.
 *
 * <p>The sweeper remembers, per table, the earliest expiry it knows of, so that checking before each request
 * costs a comparison; a table is scanned only when something is due.
 */
final class TtlSweeper {

    /** Expiry times this far in the past are taken as not meant to expire. */
    static final Duration NEVER_BEFORE = Duration.ofDays(5 * 365);
    private static final int PAGE = 500;

    private final EngineContext ctx;
    private final Duration delay;
    /** Per table id with TTL enabled: the earliest expiry (epoch millis) known, MIN_VALUE when unknown. */
    private final Map<Long, Long> nextDue = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    TtlSweeper(EngineContext ctx, Duration delay) {
        this.ctx = ctx;
        this.delay = delay;
    }

    Duration delay() {
        return delay;
    }

    /** A table's TTL was enabled: its items are looked at by the next check. */
    void enabled(TableMeta table) {
        load();
        nextDue.put(table.id(), Long.MIN_VALUE);
    }

    /** A table's TTL was disabled: nothing of it expires any more. */
    void disabled(TableMeta table) {
        nextDue.remove(table.id());
    }

    /** Told of every committed change: an item given a TTL may bring its table's next due time forward. */
    void onChange(ChangeRecord change) {
        if (nextDue.isEmpty() || change.newImage() == null) {
            return;
        }
        ctx.catalog().find(change.region(), change.tableName()).ifPresent(table -> {
            if (!nextDue.containsKey(table.id())) {
                return;
            }
            Long expiry = expiry(change.newImage(), TimeToLiveOperations.attribute(table), change.time());
            if (expiry != null) {
                nextDue.computeIfPresent(table.id(), (id, due) -> Math.min(due, expiry));
            }
        });
    }

    /** Sweeps the tables that have items expired at least the sweep delay ago. */
    void sweepDue(Instant now) {
        load();
        if (nextDue.isEmpty()) {
            return;
        }
        long dueBefore = now.minus(delay).toEpochMilli();
        for (Map.Entry<Long, Long> entry : nextDue.entrySet()) {
            if (entry.getValue() <= dueBefore) {
                sweep(entry.getKey(), now, delay);
            }
        }
    }

    /** Deletes every expired item of every table with TTL enabled, whatever the delay; returns how many. */
    int sweepNow(Instant now) {
        load();
        int deleted = 0;
        for (Long tableId : new ArrayList<>(nextDue.keySet())) {
            deleted += sweep(tableId, now, Duration.ZERO);
        }
        return deleted;
    }

    private void load() {
        if (loaded) {
            return;
        }
        synchronized (this) {
            if (!loaded) {
                for (String region : ctx.catalog().regions()) {
                    for (TableMeta table : ctx.catalog().list(region)) {
                        if (TimeToLiveOperations.attribute(table) != null) {
                            nextDue.putIfAbsent(table.id(), Long.MIN_VALUE);
                        }
                    }
                }
                loaded = true;
            }
        }
    }

    private int sweep(long tableId, Instant now, Duration after) {
        Optional<TableMeta> found = table(tableId);
        if (found.isEmpty() || TimeToLiveOperations.attribute(found.get()) == null) {
            nextDue.remove(tableId);
            return 0;
        }
        TableMeta table = found.get();
        if (sweptElsewhere(table)) {
            nextDue.put(tableId, Long.MAX_VALUE);
            return 0;
        }
        String attribute = TimeToLiveOperations.attribute(table);
        long cutoff = now.minus(after).toEpochMilli();
        return ctx.writes().atCommitPoint(() -> {
            int deleted = 0;
            long earliest = Long.MAX_VALUE;
            StoredKey start = null;
            while (true) {
                List<StoredRow> page = ctx.items().scan(table, ItemStore.BASE, Integer.MIN_VALUE, Integer.MAX_VALUE,
                        start, PAGE);
                List<WritePath.Write> deletes = new ArrayList<>();
                for (StoredRow row : page) {
                    Long expiry = expiry(row.item(), attribute, now);
                    if (expiry == null) {
                        continue;
                    }
                    if (expiry <= cutoff) {
                        deletes.add(new WritePath.Write(table, table.keyOf(row.item()), current -> {
                            Long still = current == null ? null : expiry(current, attribute, now);
                            return still != null && still <= cutoff ? null : current;
                        }, "ttl"));
                    } else {
                        earliest = Math.min(earliest, expiry);
                    }
                }
                if (!deletes.isEmpty()) {
                    deleted += (int) ctx.writes().apply(deletes).stream().filter(o -> o.change() != null).count();
                }
                if (page.size() < PAGE) {
                    break;
                }
                start = page.get(page.size() - 1).key();
            }
            nextDue.put(tableId, earliest);
            return deleted;
        });
    }

    /**
     * Whether another replica of the global table deletes its expired items (and replication brings the
     * deletions here): the replica named by {@link TimeToLiveOperations#sweptIn}, while it exists with TTL on.
     */
    private boolean sweptElsewhere(TableMeta table) {
        String sweptIn = TimeToLiveOperations.sweptIn(table);
        if (sweptIn == null || sweptIn.equals(table.region())
                || !TableDescriptions.replicaRegions(table).contains(sweptIn)) {
            return false;
        }
        return ctx.catalog().find(sweptIn, table.name())
                .map(t -> TimeToLiveOperations.attribute(t) != null).orElse(false);
    }

    private Optional<TableMeta> table(long tableId) {
        for (String region : ctx.catalog().regions()) {
            for (TableMeta table : ctx.catalog().list(region)) {
                if (table.id() == tableId) {
                    return Optional.of(table);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * When an item expires (epoch millis), or {@code null} if it never does: no TTL attribute, not a Number, or
     * a time five years or more before {@code now}.
     */
    static Long expiry(Map<String, AttributeValue> item, String attribute, Instant now) {
        if (attribute == null || !(item.get(attribute) instanceof AttributeValue.N number)) {
            return null;
        }
        BigDecimal seconds = new BigDecimal(number.value());
        if (seconds.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 1000)) > 0) {
            return Long.MAX_VALUE - 1;
        }
        if (seconds.compareTo(BigDecimal.valueOf(Long.MIN_VALUE / 1000)) < 0) {
            return null;
        }
        long millis = seconds.movePointRight(3).longValue();
        return millis < now.minus(NEVER_BEFORE).toEpochMilli() ? null : millis;
    }
}
