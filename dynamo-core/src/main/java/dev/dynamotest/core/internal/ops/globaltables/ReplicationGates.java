package dev.dynamotest.core.internal.ops.globaltables;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What holds replication back: pauses (of everything, of a table, or of one replica pair), regions that are
 * down, and the delay after which a change may be delivered, measured on the engine's clock.
 */
final class ReplicationGates {

    private boolean pausedAll;
    private final Set<String> pausedTables = new HashSet<>();
    private final Set<String> pausedPairs = new HashSet<>();
    private final Set<String> downRegions = new HashSet<>();
    private final Map<String, Duration> tableDelays = new HashMap<>();
    private Duration delay = Duration.ZERO;

    synchronized void pause(String table, String from, String to, boolean paused) {
        if (table == null) {
            pausedAll = paused;
            if (!paused) {
                pausedTables.clear();
                pausedPairs.clear();
            }
        } else if (from == null) {
            toggle(pausedTables, table, paused);
            if (!paused) {
                pausedPairs.removeIf(p -> p.startsWith(table + "|"));
            }
        } else {
            toggle(pausedPairs, pair(table, from, to), paused);
        }
    }

    synchronized void regionDown(String region, boolean down) {
        toggle(downRegions, region, down);
    }

    synchronized boolean isDown(String region) {
        return downRegions.contains(region);
    }

    synchronized void delay(String table, Duration amount) {
        if (table == null) {
            delay = amount;
        } else {
            tableDelays.put(table, amount);
        }
    }

    synchronized Duration delayOf(String table) {
        return tableDelays.getOrDefault(table, delay);
    }

    synchronized void reset() {
        pausedAll = false;
        pausedTables.clear();
        pausedPairs.clear();
        tableDelays.clear();
        delay = Duration.ZERO;
    }

    /** Why the change cannot be delivered now, or {@code null} when it can. */
    synchronized Hold hold(PendingChange pending, Instant now) {
        String table = pending.table();
        String route = table + " " + pending.source() + " -> " + pending.target();
        if (pausedAll || pausedTables.contains(table) || pausedPairs.contains(pair(table, pending.source(),
                pending.target()))) {
            return new Hold(route + " is paused", false);
        }
        for (String region : new String[] {pending.source(), pending.target()}) {
            if (downRegions.contains(region)) {
                return new Hold(route + ": region " + region + " is down", false);
            }
        }
        Instant due = pending.change().time().plus(delayOf(table));
        if (now.isBefore(due)) {
            return new Hold(route + " is delayed until " + due + " (the clock reads " + now + ")", true);
        }
        return null;
    }

    /** A reason a change waits; {@code byClock} when time alone will release it. */
    record Hold(String reason, boolean byClock) {
    }

    private static String pair(String table, String from, String to) {
        return table + "|" + from + "|" + to;
    }

    private static void toggle(Set<String> set, String value, boolean on) {
        if (on) {
            set.add(value);
        } else {
            set.remove(value);
        }
    }
}
