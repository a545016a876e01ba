package dev.dynamotest.core.internal.dax;

import dev.dynamotest.core.Clock;
import dev.dynamotest.core.DaxStaleRead;
import dev.dynamotest.core.Operation;
import dev.dynamotest.core.model.ChangeRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One of DAX's caches: entries live until their time to live passes on the engine's clock, and the least recently
 * used go first once the entries' estimated sizes exceed the budget. Hits, misses and evictions are counted.
 *
 * <p>Staleness is learnt from the engine's committed changes, never by reading the table: a change marks the entry
 * of its key ({@link #markChanged}) or every entry of a group, such as a table's query results
 * ({@link #markGroupChanged}). An entry keeps its first mark until it is replaced or goes; a hit on a marked entry is
 * a stale hit, counted and recorded. Marks live beside the entries, so marking never reorders the LRU.
 *
 * @param <V> the cached value ({@link Optional#empty()} stands for a negative entry where callers need one)
 */
final class TtlCache<V> {

    private record Entry<V>(V value, Instant cached, Instant expires, long size, String group) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final long maxBytes;
    private final StaleReads staleReads;
    private final LinkedHashMap<String, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, ChangeRecord> marks = new HashMap<>();
    private final Map<String, Set<String>> unmarkedByGroup = new HashMap<>();
    private long bytes;
    private long hits;
    private long misses;
    private long evictions;
    private long staleHits;

    TtlCache(Clock clock, Duration ttl, long maxBytes, StaleReads staleReads) {
        this.clock = clock;
        this.ttl = ttl;
        this.maxBytes = maxBytes;
        this.staleReads = staleReads;
    }

    /**
     * The live value under the key, counting a hit (and, when the entry was changed behind, a stale hit read by
     * {@code reader}), or empty, counting a miss.
     */
    synchronized Optional<V> get(String key, Operation reader) {
        Entry<V> entry = entries.get(key);
        Instant now = clock.now();
        if (entry != null && now.isBefore(entry.expires())) {
            hits++;
            ChangeRecord change = marks.get(key);
            if (change != null) {
                staleHits++;
                staleReads.add(new DaxStaleRead(reader, change.region(), change.tableName(), change.keys(),
                        entry.cached(), change.time(), now));
            }
            return Optional.of(entry.value());
        }
        if (entry != null) {
            remove(key);
        }
        misses++;
        return Optional.empty();
    }

    synchronized void put(String key, V value, long size) {
        put(key, null, value, size);
    }

    /** Caches a value in a group ({@code null} for none) that {@link #markGroupChanged} marks as a whole. */
    synchronized void put(String key, String group, V value, long size) {
        remove(key);
        if (size > maxBytes || ttl.isZero()) {
            return;
        }
        Instant now = clock.now();
        entries.put(key, new Entry<>(value, now, now.plus(ttl), size, group));
        if (group != null) {
            unmarkedByGroup.computeIfAbsent(group, g -> new HashSet<>()).add(key);
        }
        bytes += size;
        for (Iterator<Map.Entry<String, Entry<V>>> it = entries.entrySet().iterator(); bytes > maxBytes; ) {
            Map.Entry<String, Entry<V>> eldest = it.next();
            it.remove();
            forget(eldest.getKey(), eldest.getValue());
            evictions++;
        }
    }

    synchronized void remove(String key) {
        Entry<V> old = entries.remove(key);
        if (old != null) {
            forget(key, old);
        }
    }

    private void forget(String key, Entry<V> entry) {
        bytes -= entry.size();
        marks.remove(key);
        if (entry.group() != null) {
            Set<String> unmarked = unmarkedByGroup.get(entry.group());
            if (unmarked != null && unmarked.remove(key) && unmarked.isEmpty()) {
                unmarkedByGroup.remove(entry.group());
            }
        }
    }

    /** Marks the entry under the key, if there is one, as changed behind the cache by {@code change}. */
    synchronized void markChanged(String key, ChangeRecord change) {
        if (entries.containsKey(key)) {
            marks.putIfAbsent(key, change);
        }
    }

    /** Marks every entry of the group, as cached before {@code change}; each entry is marked once. */
    synchronized void markGroupChanged(String group, ChangeRecord change) {
        Set<String> unmarked = unmarkedByGroup.remove(group);
        if (unmarked != null) {
            for (String key : unmarked) {
                marks.putIfAbsent(key, change);
            }
        }
    }

    synchronized void clear() {
        entries.clear();
        marks.clear();
        unmarkedByGroup.clear();
        bytes = 0;
    }

    synchronized long hits() {
        return hits;
    }

    synchronized long misses() {
        return misses;
    }

    synchronized long evictions() {
        return evictions;
    }

    synchronized long staleHits() {
        return staleHits;
    }

    synchronized int size() {
        return entries.size();
    }
}
