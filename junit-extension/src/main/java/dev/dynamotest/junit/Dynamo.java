package dev.dynamotest.junit;

import dev.dynamotest.core.capacity.Capacity;
import dev.dynamotest.core.capacity.Cost;
import dev.dynamotest.core.streams.StreamRecords;
import dev.dynamotest.core.changes.ChangeHistory;
import dev.dynamotest.core.ControllableClock;
import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.regions.Replication;
import dev.dynamotest.core.s3.S3Contents;
import dev.dynamotest.core.requests.RecordedRequests;
import dev.dynamotest.core.tables.Table;
import dev.dynamotest.faults.EngineFaults;
import dev.dynamotest.faults.Faults;
import dev.dynamotest.core.tables.TimeToLive;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A test's handle on its endpoint: where it is, clients for it, its clock, and the stored tables.
 * Injected like the clients; everything it hands out belongs to the endpoint and is closed with it.
 *
 * <pre>{@code
 * @Test
 * void expires_old_sessions(Dynamo dynamo) {
 *     dynamo.clock().freeze().advance(Duration.ofDays(2));
 *     assertThat(dynamo.table("Sessions").itemCount()).isZero();
 * }
 * }</pre>
 */
public interface Dynamo {

    /** The endpoint URL, for clients that this extension does not build. */
    URI endpoint();

    /** The class's region: that of {@link #client()} and of declared tables that name none. */
    Region region();

    /** A client for the endpoint in the class's region. */
    DynamoDbClient client();

    /** A client for the endpoint that signs its requests for another region (each region has its own tables). */
    DynamoDbClient clientFor(Region region);

    /**
     * An asynchronous client; in process by default, and over HTTP it needs an async HTTP client such as
     * {@code netty-nio-client} on the class path.
     */
    DynamoDbAsyncClient asyncClient();

    /** An asynchronous client that signs its requests for another region, as {@link #clientFor(Region)}. */
    DynamoDbAsyncClient asyncClientFor(Region region);

    /** An enhanced (object mapping) client over {@link #client()}. */
    DynamoDbEnhancedClient enhancedClient();

    /** An asynchronous enhanced (object mapping) client over {@link #asyncClient()}. */
    DynamoDbEnhancedAsyncClient enhancedAsyncClient();

    /** A DynamoDB Streams client for the endpoint in the class's region, to read tables' streams. */
    DynamoDbStreamsClient streamsClient();

    /**
     * The endpoint's clock: reset before each test method unless the class shares state across methods. The injected
     * clients' retries advance it by the SDK's backoff ({@link RetryBackoff#VIRTUAL_TIME}, the default); a client the
     * code under test builds does the same with {@code SdkRetries.virtualTime(dynamo.clock())}.
     */
    ControllableClock clock();

    /** A table of the class's region, read straight from the engine without making a request. */
    Table table(String name);

    /** A table of the given region, read straight from the engine. */
    Table table(Region region, String name);

    /** The names of the tables of the class's region. */
    List<String> tableNames();

    /**
     * The name a declared table has at the endpoint: the name itself for an endpoint in this JVM; for an endpoint
     * elsewhere ({@code dynamotest.endpoint}) the name with the class's prefix, for code under test that builds its
     * own client (the injected clients add and remove the prefix themselves).
     */
    String tableName(String declaredName);

    /**
     * The history of the item changes committed from now on, for change assertions:
     * {@code var changes = dynamo.changes(); ... assertThat(changes).containsInsertOf(key)}.
     */
    ChangeHistory changes();

    /**
     * The records of a table's stream in the class's region, read straight from the engine, for stream assertions:
     * {@code assertThat(dynamo.streamRecords("Orders")).eventually().containsInsertOf(key)}.
     */
    StreamRecords streamRecords(String tableName);

    /**
     * The requests the current test made to the endpoint, as the engine's journal records them (a live view), for
     * request assertions: {@code assertThat(dynamo.requests()).hasCount(Operation.PUT_ITEM, 3)}.
     */
    RecordedRequests requests();

    /**
     * The endpoint's fault rules: {@code dynamo.faults().throttle(PUT_ITEM).onTable("Orders").times(2)},
     * {@code dynamo.faults().regionOutage(Region.US_EAST_1)}. Rules added during a test method are removed after it.
     * With the endpoint in this JVM they are the engine's ({@link #engineFaults()}); against an endpoint elsewhere
     * ({@code dynamotest.endpoint}) they are {@link dev.dynamotest.faults.ClientFaults} that the injected clients
     * apply, by the declared table names, and a region outage is what those clients see.
     */
    Faults faults();

    /**
     * The same rules as {@link #faults()}, typed as the engine's, which add stream faults:
     * {@code dynamo.engineFaults().streamLag("Orders", Duration.ofSeconds(5))}. Needs the endpoint in this JVM.
     */
    EngineFaults engineFaults();

    /**
     * Global-table replication between the regions: {@code awaitQuiet()}, pause and resume (of all, a table or one
     * replica pair), {@code delay(Duration)} on the clock, {@code lag()}. Pauses and delays are lifted before each
     * test method.
     */
    Replication replication();

    /**
     * The endpoint's time-to-live sweep: {@code dynamo.ttl().sweepNow()} deletes the items whose TTL has passed on
     * the endpoint's clock at once, instead of after the sweep delay.
     */
    TimeToLive ttl();

    /**
     * The endpoint's object store (its "S3"), read for assertions:
     * {@code assertThat(dynamo.s3().export(exportArn)).hasItemCount(2)}.
     */
    S3Contents s3();

    /**
     * Stream handlers fed from tables' streams as Lambda would feed them:
     * {@code dynamo.streams().onTable("Orders").handler(event -> ...)}, then {@code dynamo.streams().awaitQuiet()}.
     */
    StreamHandlers streams();

    /**
     * The capacity the test's traffic consumed in the class's region (the engine's {@code capacity()} narrowed to
     * it), and the requests throttled (or, observed, that DynamoDB would have throttled), for capacity assertions:
     * {@code assertThat(dynamo.capacity().table("Orders")).hadNoThrottling()}.
     */
    Capacity capacity();

    /**
     * What the test's traffic and storage would cost in DynamoDB, per table of the class's region, in its class and
     * billing mode and in the others (the engine's {@code cost()} narrowed to the region):
     * {@code assertThat(dynamo.cost()).isAtMost(0.01)}.
     */
    Cost cost();

    /**
     * The class's DAX (DynamoDB Accelerator) node in front of the engine, started the first time a test asks for it
     * (with the class under {@link DynamoDax}) and stopped with the class, with the settings of
     * {@code DynamoExtension.builder().dax(...)} or {@code @DynamoDax}: its URL, a ready
     * DAX client, its cache statistics, for cache assertions:
     * {@code assertThat(dynamo.dax()).itemCache().hasHits(1)}. Needs the endpoint in this JVM.
     */
    Dax dax();

    /** The engine behind the endpoint, for hooks such as request interceptors. */
    DynamoEngine engine();
}
