package dev.dynamotest.core.internal.views;

import dev.dynamotest.core.internal.ops.globaltables.RegionOutages;
import dev.dynamotest.core.regions.OutageMode;
import dev.dynamotest.core.regions.RegionOutage;

/** A {@link RegionOutage} started by {@link OutageRegions}: the region, its mode, and the outages that end it. */
record StartedOutage(RegionOutages outages, String region, OutageMode mode) implements RegionOutage {

    @Override
    public void end() {
        outages.end(region);
    }

    @Override
    public String toString() {
        return "RegionOutage[" + region + ", " + mode + "]";
    }
}
