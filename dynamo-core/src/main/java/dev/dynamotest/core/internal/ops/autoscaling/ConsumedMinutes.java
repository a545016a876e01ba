package dev.dynamotest.core.internal.ops.autoscaling;

import dev.dynamotest.core.internal.capacity.ChargeListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Consumed read and write units per table and global secondary index, summed per minute of the engine's clock
 * (what CloudWatch's ConsumedReadCapacityUnits and ConsumedWriteCapacityUnits give auto scaling). Keeps the last
 * few hours.
 */
final class ConsumedMinutes implements ChargeListener {

    private static final long KEPT_MINUTES = 180;

    private final Map<String, ConcurrentSkipListMap<Long, double[]>> sums = new ConcurrentHashMap<>();

    @Override
    public void charged(String region, String table, String index, long micros, double readUnits,
            double writeUnits) {
        long minute = Math.floorDiv(micros, 60_000_000L);
        ConcurrentSkipListMap<Long, double[]> minutes = sums.computeIfAbsent(key(region, table, index),
                k -> new ConcurrentSkipListMap<>());
        double[] sum = minutes.computeIfAbsent(minute, m -> new double[2]);
        synchronized (sum) {
            sum[0] += readUnits;
            sum[1] += writeUnits;
        }
        Long first = minutes.firstKey();
        if (first != null && first < minute - KEPT_MINUTES) {
            minutes.headMap(minute - KEPT_MINUTES).clear();
        }
    }

    /** The units consumed in a minute (minutes since the epoch), reads or writes. */
    double consumed(String region, String table, String index, long minute, boolean reads) {
        ConcurrentSkipListMap<Long, double[]> minutes = sums.get(key(region, table, index));
        double[] sum = minutes == null ? null : minutes.get(minute);
        if (sum == null) {
            return 0;
        }
        synchronized (sum) {
            return reads ? sum[0] : sum[1];
        }
    }

    private static String key(String region, String table, String index) {
        return region + " " + table + (index == null ? "" : " " + index);
    }
}
