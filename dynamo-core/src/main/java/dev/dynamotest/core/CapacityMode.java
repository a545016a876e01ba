package dev.dynamotest.core;

/**
 * Whether the engine throttles requests that exceed a table's capacity, as DynamoDB does, or only records them.
 * Set per engine ({@link EngineConfig.Builder#capacityMode}) and per table ({@link dev.dynamotest.core.capacity.TableCapacity#mode(CapacityMode)}).
 */
public enum CapacityMode {
    /** Over capacity, a request fails with the error DynamoDB sends (ProvisionedThroughputExceededException, ...). */
    ENFORCE,
    /** Every request is served; those DynamoDB would have throttled are recorded as throttle events. */
    OBSERVE
}
