package dev.dynamotest.core.internal.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.ConnectionDrop;
import dev.dynamotest.core.Door;
import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.EngineConfig;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.DynamoRequest;
import dev.dynamotest.core.SetOrder;
import dev.dynamotest.core.internal.json.JsonTrees;
import dev.dynamotest.core.internal.routing.Api;
import dev.dynamotest.core.internal.routing.OperationRouter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.CRC32;

/**
 * DynamoDB's JSON 1.0 protocol, independent of the HTTP server: routes {@code X-Amz-Target} (DynamoDB's and
 * DynamoDB Streams') to the engine, takes the region from the SigV4 scope, and writes responses and errors with
 * {@code __type}, {@code x-amzn-RequestId} and {@code x-amz-crc32}.
 */
public final class WireProtocol {

    public static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final Logger LOG = Logger.getLogger(WireProtocol.class.getName());
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(1000)
                    .maxNameLength(1024 * 1024).maxStringLength(Integer.MAX_VALUE).build())
            .build();
    private static final JsonTreeWriter WRITER = new JsonTreeWriter(FACTORY);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** A response to send: status, extra headers, body. */
    public record Response(int status, Map<String, String> headers, byte[] body) {

        /** No response at all: the connection is to be closed, as an interceptor asked with a {@link ConnectionDrop}. */
        public static final Response DROP = new Response(0, Map.of(), new byte[0]);

        /** Whether the connection is to be closed without a response. */
        public boolean drop() {
            return status == 0;
        }
    }

    private final Supplier<DynamoEngine> engineSupplier;
    private final Door door;
    private volatile DynamoEngine engine;
    /** The shuffling of set elements of {@link SetOrder#SHUFFLED}, or null; set with {@link #engine}. */
    private volatile SetShuffling shuffling;

    /** A protocol whose requests come through that door ({@link Door#HTTP} or {@link Door#IN_PROCESS}). */
    public WireProtocol(DynamoEngine engine, Door door) {
        this(() -> engine, door);
    }

    /**
     * A protocol whose engine is still being created (the first request waits for it), and whose requests come
     * through that door.
     */
    public WireProtocol(Supplier<DynamoEngine> engine, Door door) {
        this.engineSupplier = engine;
        this.door = door;
    }

    private DynamoEngine engine() {
        DynamoEngine e = engine;
        if (e == null) {
            synchronized (this) {
                e = engine;
                if (e == null) {
                    e = engineSupplier.get();
                    EngineConfig config = e.config();
                    shuffling = config.setOrder() == SetOrder.SHUFFLED ? new SetShuffling(config.shuffleSeed()) : null;
                    engine = e;
                }
            }
        }
        return e;
    }

    /** Handles one POST: headers (any case) and raw body. */
    public Response handle(Map<String, String> headers, byte[] body) {
        String requestId = requestId();
        try {
            String target = header(headers, "X-Amz-Target");
            String contentType = header(headers, "Content-Type");
            String operation = operation(target);
            if (operation == null || !acceptable(contentType)) {
                throw OperationRouter.unknownOperation();
            }
            ObjectNode request = parse(body);
            String region = regionOf(header(headers, "Authorization"));
            ObjectNode result = engine().handle(new DynamoRequest(region, operation, request, headers,
                    DynamoRequest.Origin.CLIENT, door));
            byte[] bytes = result == null ? new byte[0] : WRITER.write(result, shuffling);
            return response(200, requestId, bytes);
        } catch (DynamoException e) {
            return error(requestId, e, shuffling);
        } catch (ConnectionDrop e) {
            return Response.DROP;
        } catch (RuntimeException | IOException | StackOverflowError e) {
            LOG.log(Level.SEVERE, "request " + requestId + " failed", e);
            return error(requestId, DynamoException.internal("Internal server error"), null);
        }
    }

    /** The answer to a request refused before it reaches the engine (a failed signature check). */
    public Response rejection(DynamoException e) {
        return error(requestId(), e, null);
    }

    /**
     * A fresh request id: 32 upper-case hexadecimal digits, like the UUIDs it replaced, from a per-thread random
     * source (a UUID per request took a lock on the system's secure random source).
     */
    private static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[32];
        long bits = random.nextLong();
        for (int i = 0; i < 32; i++) {
            if (i == 16) {
                bits = random.nextLong();
            }
            id[i] = HEX[(int) (bits & 0xF)];
            bits >>>= 4;
        }
        return new String(id);
    }

    /** The operation a DynamoDB or DynamoDB Streams target names, or {@code null} when the engine has none such. */
    private String operation(String target) {
        if (target == null) {
            return null;
        }
        if (target.startsWith(Api.DYNAMODB.prefix())) {
            String operation = target.substring(Api.DYNAMODB.prefix().length());
            return engine().supports(operation) ? operation : null;
        }
        if (target.startsWith(Api.AUTO_SCALING.prefix())) {
            String operation = target.substring(Api.AUTO_SCALING.prefix().length());
            return engine().supportsAutoScaling(operation) ? operation : null;
        }
        if (target.startsWith(Api.STREAMS.prefix())) {
            String operation = target.substring(Api.STREAMS.prefix().length());
            return engine().supportsStreams(operation) ? operation : null;
        }
        return null;
    }

    /**
     * DynamoDB's answer to {@code GET /}: a health line naming the host it was called with (the regional endpoint's
     * name when the request has no {@code Host}), as plain text.
     */
    public Response health(String host, String authorization) {
        String named = host == null || host.isBlank() ? "dynamodb." + regionOf(authorization) + ".amazonaws.com" : host;
        return new Response(200, Map.of(), ("healthy: " + named).getBytes(StandardCharsets.UTF_8));
    }

    /** The region named by a SigV4 Authorization header, or the engine's default region. */
    public String regionOf(String authorization) {
        String region = SigV4Scope.region(authorization);
        return region != null ? region : engine().config().defaultRegion();
    }

    private static boolean acceptable(String contentType) {
        if (contentType == null || contentType.equals(CONTENT_TYPE)) {
            return true;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals(CONTENT_TYPE) || type.equals("application/x-amz-json-1.1")
                || type.equals("application/json") || type.isEmpty();
    }

    private static ObjectNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return NODES.objectNode();
        }
        JsonNode node = JsonTrees.readExact(FACTORY, body);
        if (node instanceof ObjectNode object) {
            return object;
        }
        try {
            node = Binding.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw DynamoException.serialization(e.getOriginalMessage());
        } catch (IOException | StackOverflowError e) {
            throw DynamoException.serialization("Could not parse the request body");
        }
        if (node == null || node.isMissingNode()) {
            return NODES.objectNode();
        }
        if (!node.isObject()) {
            throw DynamoException.serialization("Start of structure or map expected but not found");
        }
        return (ObjectNode) node;
    }

    /** The error response; the sets of the items it carries shuffled when {@code shuffling} is given. */
    private static Response error(String requestId, DynamoException e, SetShuffling shuffling) {
        ObjectNode body = NODES.objectNode();
        body.put("__type", e.wireType());
        if (e.getMessage() != null) {
            body.put("message", e.getMessage());
        }
        if (e.item() != null) {
            body.set("Item", AttributeValueJson.encodeItem(e.item()));
        }
        e.details().forEach(body::set);
        try {
            return response(e.statusCode(), requestId, WRITER.write(body, shuffling));
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Response response(int status, String requestId, byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return new Response(status, Map.of("x-amzn-RequestId", requestId,
                "x-amz-crc32", Long.toString(crc.getValue())), body);
    }

    /** A header by name in any case; the SDKs' own spelling is looked up first. */
    private static String header(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value != null) {
            return value;
        }
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * Jackson's data binding, for the bodies the streaming reader leaves to {@code readTree} (for its exact trees and
     * error messages); made on the first such body, not at start-up, where it would cost a few hundred classes.
     */
    private static final class Binding {
        static final ObjectMapper JSON = new ObjectMapper(FACTORY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }
}
