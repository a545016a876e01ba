package dev.dynamotest.faults.internal;

import dev.dynamotest.core.regions.OutageMode;
import dev.dynamotest.core.regions.RegionOutage;

/** A region outage as SDK clients see it: a rule that fails their requests to the region until {@link #end()}. */
public record ClientRegionOutage(String region, OutageMode mode, Runnable ending) implements RegionOutage {

    @Override
    public void end() {
        ending.run();
    }

    @Override
    public String toString() {
        return "region outage of " + region + " (" + mode + ")";
    }
}
