package dev.dynamotest.core.capacity;

import java.util.List;
import java.util.Optional;

/**
 * What tables would cost in DynamoDB for their traffic and storage since they are metered (their creation, or the
 * last {@link Capacity#reset()}), at the engine's prices ({@link dev.dynamotest.core.EngineConfig.Builder#prices}), in
 * a scope of the engine: {@link dev.dynamotest.core.DynamoEngine#cost()} covers every region, {@link #region(String)}
 * narrows it to one, and a test's {@code dynamo.cost()} is its class's region.
 *
 * <pre>{@code
 * assertThat(dynamo.cost()).isAtMost(0.01);
 * assertThat(dynamo.cost()).table("Orders").isCheapestAs("STANDARD", "PAY_PER_REQUEST");
 * }</pre>
 */
public interface Cost {

    /** The region of this scope; empty when the scope is every region of the engine. */
    Optional<String> region();

    /** The same cost narrowed to one region. */
    Cost region(String region);

    /** The cost of every table of the scope, by region then name. */
    List<TableCost> tables();

    /** The cost of one table of the scope's region (the engine's default region when the scope is every region). */
    TableCost table(String name);

    /** US dollars for all the scope's tables, each in its own class and billing mode. */
    default double dollars() {
        return tables().stream().mapToDouble(TableCost::dollars).sum();
    }
}
