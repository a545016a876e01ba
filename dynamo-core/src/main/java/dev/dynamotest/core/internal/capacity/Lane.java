package dev.dynamotest.core.internal.capacity;

/**
 * One direction (reads or writes) of one table, index or partition key: its limit, what it served, and its usage.
 * Provisioned lanes are token buckets refilled at the provisioned rate and holding up to 300 seconds of unused
 * capacity; on-demand lanes serve per second up to twice the peak reached at least 30 minutes earlier (at least
 * the initial on-demand throughput or the warm throughput), and never more than a configured maximum.
 * Times are microseconds of the engine's clock. Callers hold the lane's lock.
 */
final class Lane {

    static final long MICROS = 1_000_000L;
    static final double BURST_SECONDS = 300;
    static final long PEAK_CREDIT_SECONDS = 30 * 60;

    /** What a lane says of a request. */
    enum Verdict { SERVE, PROVISIONED, KEY_RANGE, MAX_ON_DEMAND }

    private boolean provisioned;
    private double rate;
    private double base;
    private double max;
    private double tokens;
    private long refilledAt = Long.MIN_VALUE;

    private long servedSecond = Long.MIN_VALUE;
    private double servedThisSecond;
    private long[] peakSeconds = new long[0];
    private double[] peakValues = new double[0];
    private double servedPeak;

    private long usageSecond = Long.MIN_VALUE;
    private double usageThisSecond;
    private double usagePeak;
    private double total;

    /** Provisioned at {@code rate} units per second; a new lane starts with one second's worth of capacity. */
    void provisioned(double newRate, long now) {
        if (!provisioned || refilledAt == Long.MIN_VALUE) {
            tokens = newRate;
            refilledAt = now;
        } else {
            refill(now);
            tokens = Math.min(tokens, newRate * BURST_SECONDS);
        }
        provisioned = true;
        rate = newRate;
    }

    /** On demand: at least {@code initial} units per second, never more than {@code maximum} (0 for none). */
    void onDemand(double initial, double maximum) {
        provisioned = false;
        base = initial;
        max = maximum;
    }

    /** A fixed limit per second, as for one partition key. */
    void fixed(double perSecond) {
        provisioned = false;
        base = perSecond;
        max = 0;
        peakSeconds = null;
    }

    /**
     * Whether a request that takes at least {@code units} may be served now: a provisioned lane needs that much
     * capacity left (at most a full bucket), an on-demand lane room for it in the current second.
     */
    Verdict verdict(long now, double units) {
        if (provisioned) {
            refill(now);
            return tokens >= Math.min(units, rate * BURST_SECONDS) ? Verdict.SERVE : Verdict.PROVISIONED;
        }
        long second = Math.floorDiv(now, MICROS);
        double served = (second == servedSecond ? servedThisSecond : 0) + units;
        if (max > 0 && served > max) {
            return Verdict.MAX_ON_DEMAND;
        }
        return served > limit(second) ? Verdict.KEY_RANGE : Verdict.SERVE;
    }

    /** Takes the units of a request: from the lane's capacity when it was served ({@code admitted}), always from usage. */
    void charge(long now, double units, boolean admitted) {
        long second = Math.floorDiv(now, MICROS);
        if (admitted) {
            if (provisioned) {
                refill(now);
                tokens -= units;
            } else {
                if (second != servedSecond) {
                    closeServedSecond();
                    servedSecond = second;
                    servedThisSecond = 0;
                }
                servedThisSecond += units;
            }
        }
        if (second != usageSecond) {
            usageSecond = second;
            usageThisSecond = 0;
        }
        usageThisSecond += units;
        usagePeak = Math.max(usagePeak, usageThisSecond);
        total += units;
    }

    double total() {
        return total;
    }

    double peak() {
        return usagePeak;
    }

    /** Forgets the usage (totals and peaks), not the capacity state. */
    void resetUsage() {
        usageSecond = Long.MIN_VALUE;
        usageThisSecond = 0;
        usagePeak = 0;
        total = 0;
    }

    private double limit(long second) {
        double credited = 0;
        if (peakSeconds != null) {
            for (int i = peakSeconds.length - 1; i >= 0; i--) {
                if (peakSeconds[i] <= second - PEAK_CREDIT_SECONDS) {
                    credited = peakValues[i];
                    break;
                }
            }
            if (servedSecond != Long.MIN_VALUE && servedSecond <= second - PEAK_CREDIT_SECONDS
                    && servedThisSecond > credited) {
                credited = servedThisSecond;
            }
        }
        return Math.max(base, 2 * credited);
    }

    private void closeServedSecond() {
        if (peakSeconds == null || servedSecond == Long.MIN_VALUE || servedThisSecond <= servedPeak) {
            return;
        }
        servedPeak = servedThisSecond;
        int n = peakSeconds.length;
        peakSeconds = java.util.Arrays.copyOf(peakSeconds, n + 1);
        peakValues = java.util.Arrays.copyOf(peakValues, n + 1);
        peakSeconds[n] = servedSecond;
        peakValues[n] = servedThisSecond;
    }

    private void refill(long now) {
        if (now > refilledAt) {
            tokens = Math.min(rate * BURST_SECONDS, tokens + rate * (now - refilledAt) / MICROS);
            refilledAt = now;
        }
    }
}
