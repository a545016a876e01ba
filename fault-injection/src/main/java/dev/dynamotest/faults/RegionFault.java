package dev.dynamotest.faults;

import dev.dynamotest.core.OutageMode;
import java.util.Objects;
import software.amazon.awssdk.regions.Region;

/**
 * A region outage started by {@link Faults#regionOutage(Region, OutageMode)}, in force until {@link #end()}:
 * requests to the region fail as its mode says. Closing it ends it, so a try-with-resources block bounds an outage.
 *
 * <pre>{@code
 * try (RegionFault outage = dynamo.faults().regionOutage(Region.US_EAST_1)) {
 *     // requests to us-east-1 fail with InternalServerError
 * }
 * }</pre>
 */
public final class RegionFault implements AutoCloseable {

    private final Region region;
    private final OutageMode mode;
    private final Runnable end;

    RegionFault(Region region, OutageMode mode, Runnable end) {
        this.region = Objects.requireNonNull(region, "region");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.end = end;
    }

    /** The region that is down. */
    public Region region() {
        return region;
    }

    /** How requests to the region fail. */
    public OutageMode mode() {
        return mode;
    }

    /** Brings the region back: requests to it are answered again. */
    public void end() {
        end.run();
    }

    /** The same as {@link #end()}. */
    @Override
    public void close() {
        end();
    }

    @Override
    public String toString() {
        return "region outage of " + region.id() + " (" + mode + ")";
    }
}
