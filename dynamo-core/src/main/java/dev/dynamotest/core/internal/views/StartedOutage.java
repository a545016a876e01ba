package dev.dynamotest.core.internal.views;

import dev.dynamotest.core.internal.replication.RegionOutages;
import dev.dynamotest.core.regions.OutageMode;
import dev.dynamotest.core.regions.RegionOutage;

/** A {@link RegionOutage} started by {@link OutageRegions}. */
final class StartedOutage implements RegionOutage {

    private final RegionOutages outages;
    private final String region;
    private final OutageMode mode;

    StartedOutage(RegionOutages outages, String region, OutageMode mode) {
        this.outages = outages;
        this.region = region;
        this.mode = mode;
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public OutageMode mode() {
        return mode;
    }

    @Override
    public void end() {
        outages.end(region);
    }

    @Override
    public String toString() {
        return "RegionOutage[" + region + ", " + mode + "]";
    }
}
