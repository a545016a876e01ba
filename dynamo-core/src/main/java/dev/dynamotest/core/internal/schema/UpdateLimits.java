package dev.dynamotest.core.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DynamoDB's limits on how often a table may change, on the engine's clock: throughput decreases per UTC day
 * (4, then one an hour; the table and each global index counted apart), switches to on-demand (4 in a rolling
 * 24 hours), table class changes (2 in 30 days), and no second update while the table is UPDATING.
 */
public final class UpdateLimits {

    static final int FREE_DECREASES = 4;
    static final Duration DECREASE_SPACING = Duration.ofHours(1);
    static final int PAY_PER_REQUEST_SWITCHES = 4;
    static final Duration SWITCH_WINDOW = Duration.ofDays(1);
    static final int CLASS_CHANGES = 2;
    static final Duration CLASS_WINDOW = Duration.ofDays(30);

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern(
            "EEEE, MMMM d, yyyy 'at' h:mm:ss a 'Coordinated Universal Time'", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern(
            "EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.US).withZone(ZoneOffset.UTC);

    private final Map<String, Deque<Instant>> switches = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> classChanges = new ConcurrentHashMap<>();
    private final Map<String, Instant> busyUntil = new ConcurrentHashMap<>();

    /** The decreases of a throughput made today (UTC), from its description: 0 after midnight. */
    public static int decreasesToday(JsonNode throughput, Instant now) {
        JsonNode last = throughput.get("LastDecreaseDateTime");
        if (last == null || !sameUtcDay(Times.instant(last), now)) {
            return 0;
        }
        return throughput.path("NumberOfDecreasesToday").asInt(0);
    }

    /** Refuses a decrease beyond today's: after the first 4, one each hour. */
    public static void checkDecrease(JsonNode throughput, Instant now) {
        int today = decreasesToday(throughput, now);
        if (today < FREE_DECREASES) {
            return;
        }
        Instant last = Times.instant(throughput.get("LastDecreaseDateTime"));
        Instant next = last.plus(DECREASE_SPACING);
        if (now.isBefore(next)) {
            throw limitExceeded("Subscriber limit exceeded: Provisioned throughput decreases are limited within a "
                    + "given UTC day. After the first 4 decreases, each subsequent decrease in the same UTC day can be "
                    + "performed at most once every 3600 seconds. Number of decreases today: " + today + ". Last "
                    + "decrease at " + WHEN.format(last) + ". Next decrease can be made at " + WHEN.format(next));
        }
    }

    /** Sets NumberOfDecreasesToday of a described throughput to its value on the clock's day. */
    static void describeDecreases(JsonNode throughput, Instant now) {
        if (throughput instanceof ObjectNode pt && pt.has("NumberOfDecreasesToday")) {
            pt.put("NumberOfDecreasesToday", decreasesToday(pt, now));
        }
    }

    /** Refuses a switch to PAY_PER_REQUEST beyond 4 in the rolling 24 hours; records it otherwise. */
    public void switchToPayPerRequest(String arn, Instant now) {
        Deque<Instant> times = recent(switches, arn, now.minus(SWITCH_WINDOW));
        if (times.size() >= PAY_PER_REQUEST_SWITCHES) {
            throw limitExceeded("Subscriber limit exceeded: Update to PayPerRequest mode are limited to "
                    + PAY_PER_REQUEST_SWITCHES + " times in 1 day(s). Last update at " + SHORT.format(times.peekLast())
                    + ". Next update can be made at " + SHORT.format(times.peekFirst().plus(SWITCH_WINDOW)));
        }
        times.addLast(now);
    }

    /** Refuses a table class change beyond 2 in 30 days; records it otherwise. */
    public void changeTableClass(String arn, Instant now) {
        Deque<Instant> times = recent(classChanges, arn, now.minus(CLASS_WINDOW));
        if (times.size() >= CLASS_CHANGES) {
            throw limitExceeded("Updates to TableClass are limited to " + CLASS_CHANGES + " times in 30 day(s).");
        }
        times.addLast(now);
    }

    /** Refuses an update while the table is still UPDATING from the last one. */
    public void checkNotUpdating(String arn, String table, Instant now) {
        if (updating(arn, now)) {
            throw DynamoException.resourceInUse("Attempt to change a resource which is still in use: Table: " + table
                    + " is in the process of being updated.");
        }
    }

    /** Marks the table UPDATING for {@code delay} from now (nothing for a zero delay). */
    public void updated(String arn, Instant now, Duration delay) {
        if (delay.isZero()) {
            busyUntil.remove(arn);
        } else {
            busyUntil.put(arn, now.plus(delay));
        }
    }

    /** Whether the table is still UPDATING at {@code now}. */
    public boolean updating(String arn, Instant now) {
        Instant until = busyUntil.get(arn);
        return until != null && now.isBefore(until);
    }

    /** Forgets a deleted table. */
    public void forget(String arn) {
        switches.remove(arn);
        classChanges.remove(arn);
        busyUntil.remove(arn);
    }

    private static Deque<Instant> recent(Map<String, Deque<Instant>> all, String arn, Instant since) {
        Deque<Instant> times = all.computeIfAbsent(arn, a -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
            times.pollFirst();
        }
        return times;
    }

    private static boolean sameUtcDay(Instant a, Instant b) {
        return a.atOffset(ZoneOffset.UTC).toLocalDate().equals(b.atOffset(ZoneOffset.UTC).toLocalDate());
    }

    private static DynamoException limitExceeded(String message) {
        return new DynamoException("LimitExceededException", message);
    }
}
