package dev.dynamotest.core.internal.ops.globaltables;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.ConnectionDrop;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.DynamoRequest;
import dev.dynamotest.core.regions.OutageMode;
import dev.dynamotest.core.RequestInterceptor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The regions that are down: every request to one fails as a client sees a regional outage, and replication
 * into and out of it stops (its data is kept, and the backlog replicates in order once it is up again). Each
 * failed request is noted as a fault ({@code region outage (SERVER_ERROR)}), so the request journal tags it.
 */
public final class RegionOutages implements RequestInterceptor {

    private final Replicator replicator;
    private final Consumer<String> faultNotes;
    private final Map<String, OutageMode> down = new ConcurrentHashMap<>();

    /** Outages that stop the replicator's traffic and tell {@code faultNotes} of each request they fail. */
    public RegionOutages(Replicator replicator, Consumer<String> faultNotes) {
        this.replicator = replicator;
        this.faultNotes = faultNotes;
    }

    public void start(String region, OutageMode mode) {
        down.put(region, mode);
        replicator.regionDown(region, true);
    }

    public void end(String region) {
        down.remove(region);
        replicator.regionDown(region, false);
    }

    public void endAll() {
        down.keySet().forEach(this::end);
    }

    /** The mode of the region's outage, or {@code null} when it is up. */
    public OutageMode modeOf(String region) {
        return down.get(region);
    }

    @Override
    public ObjectNode intercept(DynamoRequest request, Invocation next) {
        OutageMode mode = down.get(request.region());
        if (mode == null) {
            return next.proceed(request);
        }
        faultNotes.accept("region outage (" + mode + ")");
        throw switch (mode) {
            case SERVER_ERROR -> DynamoException.internal("Internal server error");
            case SERVICE_UNAVAILABLE -> new DynamoException(DynamoException.DYNAMODB_NAMESPACE,
                    "ServiceUnavailable", 503, "The service is currently unavailable or busy.", null);
            case CONNECTION_FAILURE -> new ConnectionDrop("region " + request.region() + " is in an outage");
        };
    }
}
