package dev.dynamotest.core.internal.routing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoRequest;
import dev.dynamotest.core.RequestInterceptor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one way a request runs inside the engine. A client request passes, in order: the interceptors (the request
 * journal first, then those added, fault rules among them), the region outages, the engine clock step (expired
 * items are swept, old changes trimmed), the client clock step (auto scaling acts on the minutes that passed),
 * and the router. A setup request ({@link DynamoRequest.Origin#SETUP}: declared tables, seed data) is not the
 * application's traffic: it enters at the engine clock step and skips the client clock step, so it is neither
 * journalled, faulted, failed by an outage nor a moment for auto scaling to act.
 */
public final class RequestChain {

    private final List<RequestInterceptor> interceptors = new CopyOnWriteArrayList<>();
    private final RequestInterceptor outages;
    private final Runnable clientClock;
    private final Runnable engineClock;
    private final OperationRouter router;

    /**
     * @param outages     fails the requests to a region in an outage
     * @param clientClock acts on the time that passed, before each client request, after {@code engineClock}
     * @param engineClock acts on the time that passed, before each request
     */
    public RequestChain(RequestInterceptor outages, Runnable clientClock, Runnable engineClock,
            OperationRouter router) {
        this.outages = outages;
        this.clientClock = clientClock;
        this.engineClock = engineClock;
        this.router = router;
    }

    /** Runs the request through the chain; returns the response body, or {@code null} for an empty one. */
    public ObjectNode handle(DynamoRequest request) {
        return request.origin() == DynamoRequest.Origin.SETUP ? run(request) : intercept(0, request);
    }

    /** Adds an interceptor at the end of the interceptors, closest to the operation. */
    public void add(RequestInterceptor interceptor) {
        interceptors.add(interceptor);
    }

    public void remove(RequestInterceptor interceptor) {
        interceptors.remove(interceptor);
    }

    private ObjectNode intercept(int index, DynamoRequest request) {
        if (index < interceptors.size()) {
            return interceptors.get(index).intercept(request, next -> intercept(index + 1, next));
        }
        return outages.intercept(request, this::run);
    }

    private ObjectNode run(DynamoRequest request) {
        engineClock.run();
        if (request.origin() == DynamoRequest.Origin.CLIENT) {
            clientClock.run();
        }
        return router.route(request);
    }
}
