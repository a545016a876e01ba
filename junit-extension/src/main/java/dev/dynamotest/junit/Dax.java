package dev.dynamotest.junit;

import dev.dynamotest.core.DaxCaches;
import dev.dynamotest.core.DaxConfig;
import dev.dynamotest.core.DaxServer;
import dev.dynamotest.core.DaxStaleRead;
import dev.dynamotest.core.DaxStatistics;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The test class's DAX (DynamoDB Accelerator) node, in front of the class's engine, from {@link Dynamo#dax()}: its
 * URL for DAX clients the code under test builds, a ready DAX client, its cache settings and its cache statistics.
 * It starts the first time a test asks for it (with the class under {@link DynamoDax}) and stops with the class;
 * under {@link Isolation#PER_METHOD} each test method starts with empty caches and statistics counted from zero.
 *
 * <pre>{@code
 * DynamoDbClient dax = dynamo.dax().client();
 * dax.getItem(r -> r.tableName("Orders").key(key));
 * assertThat(dynamo.dax()).itemCache().hasMisses(1);
 * }</pre>
 */
public interface Dax extends DaxCaches {

    /** The cluster URL a DAX client takes, {@code dax://127.0.0.1:PORT}. */
    URI url();

    /**
     * A DAX client for the node in the class's region, signing with the injected clients' dummy credentials: a
     * {@link DynamoDbClient} built with Amazon's {@code ClusterDaxClient}, which must be on the test class path
     * ({@code software.amazon.dax:amazon-dax-client}, with {@code commons-codec} and a Commons Logging implementation
     * such as {@code org.slf4j:jcl-over-slf4j}). It belongs to the extension, which closes it with the class.
     */
    DynamoDbClient client();

    /**
     * The node's settings: item and query TTLs, cache size, as {@code DynamoExtension.builder().dax(...)} or
     * {@link DynamoDax} set them.
     */
    DaxConfig config();

    /**
     * The node itself, for fault rules that take it down: {@code dynamo.engineFaults().daxOutage(dynamo.dax().server())}.
     * An outage a test method leaves open ends before the next method, as region outages do.
     */
    DaxServer server();

    /**
     * The caches' hits, misses, evictions and stale hits in the current test method (under
     * {@link Isolation#PER_CLASS}, since the node started).
     */
    @Override
    DaxStatistics statistics();

    /**
     * The reads its caches served stale in the current test method (under {@link Isolation#PER_CLASS}, since the
     * node started), oldest first: items changed behind DAX, query results cached before a write to their table.
     */
    @Override
    List<DaxStaleRead> staleReads();

    /** Empties the item and query caches, as a new cluster starts. The statistics keep counting. */
    @Override
    void clearCaches();
}
