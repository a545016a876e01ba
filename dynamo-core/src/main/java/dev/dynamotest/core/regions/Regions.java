package dev.dynamotest.core.regions;

/**
 * The engine's regions as failure domains: take one down to test how an application rides out a regional
 * outage. Obtain it with {@link dev.dynamotest.core.DynamoEngine#regions()}.
 *
 * <pre>{@code
 * try (RegionOutage outage = engine.regions().outage("us-east-1", OutageMode.SERVER_ERROR)) {
 *     // requests to us-east-1 fail; replicas elsewhere keep serving, replication to and from us-east-1 waits
 * }
 * }</pre>
 */
public interface Regions {

    /**
     * Starts an outage of the region (a second call changes its mode). This is the engine's mechanism, which the
     * fault DSL uses; tests use {@code faults().regionOutage(Region[, OutageMode])} (in a {@code @DynamoTest},
     * {@code dynamo.faults().regionOutage(...)}).
     */
    RegionOutage outage(String region, OutageMode mode);

    /** Whether the region is in an outage. */
    boolean isDown(String region);

    /** Ends every outage. */
    void endOutages();
}
