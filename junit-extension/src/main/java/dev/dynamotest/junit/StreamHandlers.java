package dev.dynamotest.junit;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.regions.Region;

/**
 * Stream handlers in the test JVM, fed from tables' DynamoDB streams the way AWS Lambda's event source mapping
 * feeds a function: in batches, asynchronously, in order per shard, with Lambda's retries and failure handling.
 * Obtain it with {@link Dynamo#streams()}. A handler registered during a test is removed after it; one
 * registered before the first test (in {@code @BeforeAll}) lives as long as the class's endpoint.
 *
 * <pre>{@code
 * StreamHandler handler = dynamo.streams().onTable("Orders").batchSize(10)
 *         .handler(event -> projector.apply(event));
 * client.putItem(...);
 * dynamo.streams().awaitQuiet();
 * assertThat(handler).hasNoFailures().processed(Key.of("pk", "A#1"));
 * }</pre>
 */
public interface StreamHandlers {

    /** The default time {@link #awaitQuiet()} waits. */
    Duration DEFAULT_QUIET_TIMEOUT = Duration.ofSeconds(10);

    /** Starts an event source mapping on the stream of a table of the class's region. */
    EventSourceMapping onTable(String tableName);

    /** Starts an event source mapping on the stream of a table of another region. */
    EventSourceMapping onTable(Region region, String tableName);

    /** The handlers delivering now, in the order they were registered. */
    List<StreamHandler> handlers();

    /** Waits up to {@link #DEFAULT_QUIET_TIMEOUT} until every handler has caught up; see {@link #awaitQuiet(Duration)}. */
    void awaitQuiet();

    /**
     * Waits until every handler has caught up with its stream: no batch in flight, every record written so far
     * delivered, filtered out or discarded. Batching windows are cut short while it waits.
     *
     * @throws AssertionError when a handler has not caught up within the timeout (for example because it keeps
     *                        failing on a batch); it names the handler and carries its last failure
     */
    void awaitQuiet(Duration timeout);
}
