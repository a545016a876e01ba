package dev.dynamotest.core.regions;

/**
 * A region's outage, from {@link Regions#outage(String, OutageMode)} until {@link #end()}: requests to the region
 * fail and replication into and out of it stops; its data is kept. Closing it ends it, so a try-with-resources
 * block bounds an outage.
 */
public interface RegionOutage extends AutoCloseable {

    String region();

    OutageMode mode();

    /** Brings the region back: requests succeed again and its replication backlog is delivered in order. */
    void end();

    /** Ends the outage, as {@link #end()} does. */
    @Override
    default void close() {
        end();
    }
}
