package dev.dynamotest.assertions;

import dev.dynamotest.core.CapacityMeter;
import dev.dynamotest.core.TableCost;
import java.util.List;

/**
 * What the tables of one region would cost in DynamoDB for the traffic and storage of a test, read from an
 * engine's {@link CapacityMeter}. Assert on it with {@link DynamoAssertions#assertThat(Cost)}.
 *
 * <pre>{@code
 * assertThat(dynamo.cost()).isAtMost(0.01);
 * assertThat(dynamo.cost()).table("Orders").isCheapestAs("STANDARD", "PAY_PER_REQUEST");
 * }</pre>
 */
public final class Cost {

    private final CapacityMeter meter;
    private final String region;

    private Cost(CapacityMeter meter, String region) {
        this.meter = meter;
        this.region = region;
    }

    /** The cost of the tables of a region of an engine. */
    public static Cost of(CapacityMeter meter, String region) {
        return new Cost(meter, region);
    }

    public String region() {
        return region;
    }

    /** The cost of every table of the region, by name. */
    public List<TableCost> tables() {
        return meter.costs(region);
    }

    /** The cost of one table. */
    public TableCost table(String name) {
        return meter.cost(region, name);
    }

    /** US dollars for all the region's tables, each in its own class and billing mode. */
    public double dollars() {
        return tables().stream().mapToDouble(TableCost::dollars).sum();
    }
}
