package dev.dynamotest.faults.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.core.ConnectionDrop;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.DynamoRequest;
import dev.dynamotest.core.Operation;
import dev.dynamotest.core.RequestInterceptor;
import dev.dynamotest.core.StreamGate;
import dev.dynamotest.core.capacity.ThrottleEvent;
import dev.dynamotest.core.model.StreamRecord;
import java.time.Duration;
import java.time.Instant;

/**
 * Applies the rules inside an engine: a request interceptor for calls (noting each fault in the request journal)
 * and a stream gate for stream lag.
 */
public final class ServerFaults implements RequestInterceptor, StreamGate {

    private final DynamoEngine engine;
    private final RuleSet rules;

    public ServerFaults(DynamoEngine engine, RuleSet rules) {
        this.engine = engine;
        this.rules = rules;
    }

    /** Puts the rules in force on the engine. */
    public void install() {
        engine.addInterceptor(this);
        engine.tableStreams().addGate(this);
    }

    public void uninstall() {
        engine.removeInterceptor(this);
        engine.tableStreams().removeGate(this);
    }

    @Override
    public ObjectNode intercept(DynamoRequest request, Invocation next) {
        if (!rules.hasCallRules()) {
            return next.proceed(request);
        }
        RuleSet.Decision decision = rules.decide(request, engine.clock().now());
        if (decision.none()) {
            return next.proceed(request);
        }
        for (Action delay : decision.delays()) {
            Duration pause = ((Action.Delay) delay).latency().next();
            engine.requests().noteFault(delay.describe());
            sleep(pause);
        }
        RuleState acting = decision.acting();
        if (acting == null) {
            return next.proceed(request);
        }
        Action action = acting.action();
        if (action instanceof Action.Fail fail) {
            engine.requests().noteFault(fail.describe());
            DynamoException error = fail.error().apply(request);
            recordThrottle(request, error);
            throw error;
        }
        if (action instanceof Action.Drop drop) {
            engine.requests().noteFault(drop.describe());
            throw new ConnectionDrop("fault injection: " + acting.describe());
        }
        Action.Withhold withhold = (Action.Withhold) action;
        Operation operation = Operation.of(request.operation());
        Batches.Split split = request.body() == null ? null
                : Batches.split(operation, request.body(), withhold.fraction(), withhold.table());
        if (split == null) {
            return next.proceed(request);
        }
        engine.requests().noteFault(withhold.describe());
        ObjectNode response = split.forward() == null ? null : next.proceed(new DynamoRequest(request.region(),
                request.operation(), split.forward(), request.headers(), request.origin(), request.door()));
        return Batches.merge(operation, request.body(), response, split);
    }

    /** Tells the capacity meter of an injected throttle, so that capacity reports show it as a fault rule's. */
    private void recordThrottle(DynamoRequest request, DynamoException error) {
        JsonNode reasons = error.details().get("ThrottlingReasons");
        if (reasons == null || !reasons.isArray()) {
            return;
        }
        for (JsonNode reason : reasons) {
            String resource = reason.path("resource").asText("");
            String path = resource.contains(":table/") ? resource.substring(resource.indexOf(":table/") + 7) : "";
            String[] parts = path.split("/index/", 2);
            engine.capacity().record(new ThrottleEvent(engine.clock().now(), request.region(), parts[0],
                    parts.length > 1 ? parts[1] : null, reason.path("reason").asText(), resource,
                    ThrottleEvent.Source.FAULT_RULE, true));
        }
    }

    @Override
    public boolean visible(StreamRecord record, Instant changedAt, Instant now) {
        return rules.visible(record, changedAt, now);
    }

    static void sleep(Duration pause) {
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis(), pause.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
