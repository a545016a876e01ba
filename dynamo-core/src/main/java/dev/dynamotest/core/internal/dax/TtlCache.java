package dev.dynamotest.core.internal.dax;

import dev.dynamotest.core.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One of DAX's caches: entries live until their time to live passes on the engine's clock, and the least recently
 * used go first once the entries' estimated sizes exceed the budget. Hits, misses and evictions are counted.
 *
 * @param <V> the cached value ({@link Optional#empty()} stands for a negative entry where callers need one)
 */
final class TtlCache<V> {

    private record Entry<V>(V value, Instant expires, long size) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final long maxBytes;
    private final LinkedHashMap<String, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;
    private long evictions;

    TtlCache(Clock clock, Duration ttl, long maxBytes) {
        this.clock = clock;
        this.ttl = ttl;
        this.maxBytes = maxBytes;
    }

    /** The live value under the key, counting a hit, or empty (counting a miss). */
    synchronized Optional<V> get(String key) {
        Entry<V> entry = entries.get(key);
        if (entry != null && clock.now().isBefore(entry.expires())) {
            hits++;
            return Optional.of(entry.value());
        }
        if (entry != null) {
            remove(key);
        }
        misses++;
        return Optional.empty();
    }

    synchronized void put(String key, V value, long size) {
        remove(key);
        if (size > maxBytes || ttl.isZero()) {
            return;
        }
        entries.put(key, new Entry<>(value, clock.now().plus(ttl), size));
        bytes += size;
        for (Iterator<Map.Entry<String, Entry<V>>> it = entries.entrySet().iterator(); bytes > maxBytes; ) {
            Map.Entry<String, Entry<V>> eldest = it.next();
            bytes -= eldest.getValue().size();
            it.remove();
            evictions++;
        }
    }

    synchronized void remove(String key) {
        Entry<V> old = entries.remove(key);
        if (old != null) {
            bytes -= old.size();
        }
    }

    synchronized void clear() {
        entries.clear();
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

    synchronized int size() {
        return entries.size();
    }
}
