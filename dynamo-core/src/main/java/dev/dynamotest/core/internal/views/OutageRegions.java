package dev.dynamotest.core.internal.views;

import dev.dynamotest.core.internal.replication.RegionOutages;
import dev.dynamotest.core.regions.OutageMode;
import dev.dynamotest.core.regions.RegionOutage;
import dev.dynamotest.core.regions.Regions;
import java.util.Objects;

/** The engine's {@link Regions}, over its region outages. */
public final class OutageRegions implements Regions {

    private final RegionOutages outages;

    public OutageRegions(RegionOutages outages) {
        this.outages = outages;
    }

    @Override
    public RegionOutage outage(String region, OutageMode mode) {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(mode, "mode");
        outages.start(region, mode);
        return new StartedOutage(outages, region, mode);
    }

    @Override
    public boolean isDown(String region) {
        return outages.modeOf(region) != null;
    }

    @Override
    public void endOutages() {
        outages.endAll();
    }
}
