package dev.dynamotest.core;

import dev.dynamotest.core.internal.ops.globaltables.RegionOutages;

/**
 * A region's outage, from {@link Regions#outage(String, OutageMode)} until {@link #end()}: requests to the region
 * fail and replication into and out of it stops; its data is kept. Closing it ends it, so a try-with-resources
 * block bounds an outage.
 */
public final class RegionOutage implements AutoCloseable {

    private final RegionOutages outages;
    private final String region;
    private final OutageMode mode;

    RegionOutage(RegionOutages outages, String region, OutageMode mode) {
        this.outages = outages;
        this.region = region;
        this.mode = mode;
    }

    public String region() {
        return region;
    }

    public OutageMode mode() {
        return mode;
    }

    /** Brings the region back: requests succeed again and its replication backlog is delivered in order. */
    public void end() {
        outages.end(region);
    }

    @Override
    public void close() {
        end();
    }

    @Override
    public String toString() {
        return "RegionOutage[" + region + ", " + mode + "]";
    }
}
