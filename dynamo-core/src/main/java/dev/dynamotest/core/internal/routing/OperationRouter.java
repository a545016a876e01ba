package dev.dynamotest.core.internal.routing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.DynamoRequest;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one registry of operations, per API: every family registers its operations through {@link Routes}, and
 * a request runs the operation of its name. Names are unique across the APIs, so a request needs only its name;
 * the wire protocol checks the target's API with {@link #knows}. Also the one place that builds the
 * UnknownOperationException answer.
 */
public final class OperationRouter implements Routes, OperationCaller {

    /** The one operation that answers from the request's headers: the endpoint to use is the one called. */
    private static final String DESCRIBE_ENDPOINTS = "DescribeEndpoints";

    private final Map<Api, Map<String, OperationHandler>> byApi = new EnumMap<>(Api.class);
    private final Map<String, OperationHandler> byName = new ConcurrentHashMap<>();

    public OperationRouter() {
        for (Api api : Api.values()) {
            byApi.put(api, new ConcurrentHashMap<>());
        }
    }

    /** Registers an operation; a name already taken, in any API, is a bug in the engine's assembly. */
    @Override
    public void add(Api api, String name, OperationHandler operation) {
        if (byName.putIfAbsent(name, operation) != null || DESCRIBE_ENDPOINTS.equals(name)) {
            throw new IllegalStateException("operation registered twice: " + name);
        }
        byApi.get(api).put(name, operation);
    }

    /** Whether the API has the operation. */
    public boolean knows(Api api, String operation) {
        return byApi.get(api).containsKey(operation) || api == Api.DYNAMODB && DESCRIBE_ENDPOINTS.equals(operation);
    }

    /** Runs the request's operation (an absent body is an empty one), or answers UnknownOperationException. */
    public ObjectNode route(DynamoRequest request) {
        ObjectNode body = request.body() == null ? JsonNodeFactory.instance.objectNode() : request.body();
        if (DESCRIBE_ENDPOINTS.equals(request.operation())) {
            String host = request.header("Host");
            return describeEndpoints(host != null ? host : "dynamodb." + request.region() + ".amazonaws.com");
        }
        return call(request.region(), request.operation(), body);
    }

    @Override
    public ObjectNode call(String region, String operation, ObjectNode body) {
        OperationHandler op = byName.get(operation);
        if (op == null) {
            throw unknownOperation();
        }
        return op.execute(region, body);
    }

    /** DynamoDB's answer to an operation it does not have, or to a target of no API it serves. */
    public static DynamoException unknownOperation() {
        return new DynamoException(DynamoException.CORAL_NAMESPACE, "UnknownOperationException", 400, null, null);
    }

    private static ObjectNode describeEndpoints(String host) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ObjectNode endpoint = response.putArray("Endpoints").addObject();
        endpoint.put("Address", host);
        endpoint.put("CachePeriodInMinutes", 1440);
        return response;
    }
}
