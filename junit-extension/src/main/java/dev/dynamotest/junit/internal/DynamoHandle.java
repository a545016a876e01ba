package dev.dynamotest.junit.internal;

import dev.dynamotest.core.capacity.Capacity;
import dev.dynamotest.core.capacity.Cost;
import dev.dynamotest.core.streams.StreamRecords;
import dev.dynamotest.core.ControllableClock;
import dev.dynamotest.core.changes.ChangeHistory;
import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.requests.RecordedRequests;
import dev.dynamotest.core.requests.RequestJournal;
import dev.dynamotest.core.regions.Replication;
import dev.dynamotest.core.s3.S3Contents;
import dev.dynamotest.core.tables.Table;
import dev.dynamotest.faults.EngineFaults;
import dev.dynamotest.faults.Faults;
import dev.dynamotest.core.tables.TimeToLive;
import dev.dynamotest.junit.Dax;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.StreamHandlers;
import dev.dynamotest.junit.internal.streams.HandlerRegistry;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The {@link Dynamo} a test receives, over its class's backend and clients. */
final class DynamoHandle implements Dynamo {

    private final Settings settings;
    private final Backend backend;
    private final Clients clients;
    private final HandlerRegistry handlers;
    private volatile long testStart;
    private volatile long requestMark;
    private DaxHandle dax;
    private boolean closed;

    DynamoHandle(Settings settings, Backend backend, Clients clients, HandlerRegistry handlers) {
        this.settings = settings;
        this.backend = backend;
        this.clients = clients;
        this.handlers = handlers;
    }

    @Override
    public URI endpoint() {
        return backend.endpoint();
    }

    @Override
    public Region region() {
        return Region.of(settings.region());
    }

    @Override
    public DynamoDbClient client() {
        return clients.client();
    }

    @Override
    public DynamoDbClient clientFor(Region region) {
        return clients.clientFor(region);
    }

    @Override
    public DynamoDbAsyncClient asyncClient() {
        return clients.asyncClient();
    }

    @Override
    public DynamoDbAsyncClient asyncClientFor(Region region) {
        return clients.asyncClientFor(region);
    }

    @Override
    public Replication replication() {
        return local("replication()").engine().replication();
    }

    @Override
    public DynamoDbEnhancedClient enhancedClient() {
        return clients.enhancedClient();
    }

    @Override
    public DynamoDbEnhancedAsyncClient enhancedAsyncClient() {
        return clients.enhancedAsyncClient();
    }

    @Override
    public DynamoDbStreamsClient streamsClient() {
        return clients.streamsClient();
    }

    @Override
    public ControllableClock clock() {
        return local("clock()").clock();
    }

    @Override
    public Table table(String name) {
        return table(region(), name);
    }

    @Override
    public Table table(Region region, String name) {
        if (backend.engine() == null) {
            throw new UnsupportedOperationException("Dynamo.table(...) reads the engine in this JVM, but the tests "
                    + "run against " + backend.endpoint() + " (dynamotest.endpoint is set); read the table through "
                    + "the SDK instead: assertThat(RemoteTable.of(dynamo.client(), \"" + name + "\"))");
        }
        return backend.engine().tables().get(region.id(), name);
    }

    @Override
    public List<String> tableNames() {
        return backend.tableNames(settings.region());
    }

    @Override
    public String tableName(String declaredName) {
        return backend.physicalName(declaredName);
    }

    @Override
    public DynamoEngine engine() {
        return local("engine()").engine();
    }

    @Override
    public synchronized Dax dax() {
        DynamoEngine engine = local("dax()").engine();
        if (closed) {
            throw new IllegalStateException("the endpoint of this test class has stopped");
        }
        if (dax == null) {
            dax = DaxHandle.start(engine, settings.dax(), region(), backend.credentials());
        }
        return dax;
    }

    /** Stops the DAX node, if a test started one, and closes its client. */
    void close() {
        DaxHandle started;
        synchronized (this) {
            closed = true;
            started = dax;
            dax = null;
        }
        if (started != null) {
            started.close();
        }
    }

    @Override
    public TimeToLive ttl() {
        return local("ttl()").engine().ttl();
    }

    @Override
    public S3Contents s3() {
        return local("s3()").engine().s3();
    }

    @Override
    public ChangeHistory changes() {
        return local("changes()").engine().changes().fromNow();
    }

    /** Marks the start of a test whose tables were reset: streams then show only the test's records. */
    void startTest() {
        if (backend.engine() != null) {
            testStart = backend.engine().changes().lastSequence();
            backend.engine().capacity().reset();
        }
        DaxHandle started;
        synchronized (this) {
            started = dax;
        }
        if (started != null) {
            started.startTest();
        }
    }

    /** Marks where the current test's requests begin in the journal. */
    void markRequests(long mark) {
        requestMark = mark;
    }

    @Override
    public RecordedRequests requests() {
        long mark = requestMark;
        RequestJournal journal = backend.journal();
        return new RecordedRequests(() -> journal.recordedSince(mark), "requests of the test");
    }

    @Override
    public Faults faults() {
        return backend.faults();
    }

    @Override
    public EngineFaults engineFaults() {
        if (local("engineFaults()").faults() instanceof EngineFaults faults) {
            return faults;
        }
        throw new IllegalStateException("the endpoint in this JVM has no engine fault rules: " + backend.faults());
    }

    @Override
    public Cost cost() {
        return local("cost()").engine().cost().region(settings.region());
    }

    @Override
    public Capacity capacity() {
        return local("capacity()").engine().capacity().region(settings.region());
    }

    @Override
    public StreamRecords streamRecords(String tableName) {
        return StreamRecords.of(local("streamRecords(...)").engine().tableStreams(), settings.region(), tableName)
                .since(testStart);
    }

    @Override
    public StreamHandlers streams() {
        local("streams()");
        return handlers;
    }

    private Backend local(String method) {
        if (backend.engine() == null) {
            throw new UnsupportedOperationException("Dynamo." + method + " needs the endpoint in this JVM, but "
                    + "the tests run against " + backend.endpoint() + " (dynamotest.endpoint is set)");
        }
        return backend;
    }

    @Override
    public String toString() {
        return "Dynamo[" + backend.address() + ", " + settings.region() + "]";
    }
}
