package dev.dynamotest.core;

import dev.dynamotest.core.internal.ops.globaltables.RegionOutages;
import java.util.Objects;

/**
 * The engine's regions as failure domains: take one down to test how an application rides out a regional
 * outage. Obtain it with {@link DynamoEngine#regions()}.
 *
 * <pre>{@code
 * try (RegionOutage outage = engine.regions().outage("us-east-1", OutageMode.SERVER_ERROR)) {
 *     // requests to us-east-1 fail; replicas elsewhere keep serving, replication to and from us-east-1 waits
 * }
 * }</pre>
 */
public final class Regions {

    private final RegionOutages outages;

    Regions(RegionOutages outages) {
        this.outages = outages;
    }

    /** Starts an outage of the region (a second call changes its mode). */
    public RegionOutage outage(String region, OutageMode mode) {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(mode, "mode");
        outages.start(region, mode);
        return new RegionOutage(outages, region, mode);
    }

    /** Whether the region is in an outage. */
    public boolean isDown(String region) {
        return outages.modeOf(region) != null;
    }

    /** Ends every outage. */
    public void endOutages() {
        outages.endAll();
    }
}
