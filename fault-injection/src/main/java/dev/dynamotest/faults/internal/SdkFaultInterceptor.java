package dev.dynamotest.faults.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.Clock;
import dev.dynamotest.core.Door;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.DynamoRequest;
import dev.dynamotest.core.Operation;
import dev.dynamotest.faults.ClientTableNames;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import org.reactivestreams.Publisher;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.utils.IoUtils;

/**
 * Applies fault rules inside an SDK v2 client, attempt by attempt, for endpoints this JVM does not run. An attempt
 * that a rule fails is sent with its body blanked (so the endpoint refuses it without effect) and its answer is
 * replaced by the fault's; a delay sleeps before the attempt; a dropped connection fails the attempt with an
 * I/O error; a partial batch is sent whole and answered with a fraction of it reported unprocessed (BatchWriteItem's
 * puts and deletes are idempotent, so the user's retry leaves the same state). {@code names} (or null) tells how
 * tables in requests relate to the names in the rules.
 */
public record SdkFaultInterceptor(RuleSet rules, Clock clock, ClientTableNames names) implements ExecutionInterceptor {

    private static final ExecutionAttribute<byte[]> BODY = new ExecutionAttribute<>("dynamotest.faults.body");
    private static final ExecutionAttribute<Attempt> ATTEMPT = new ExecutionAttribute<>("dynamotest.faults.attempt");
    /**
     * What shaped an attempt's answer, named as the engine's request journal tags it ({@code throttle},
     * {@code region outage (SERVER_ERROR)}, ...), or "" when no rule did; set on every attempt.
     */
    public static final ExecutionAttribute<String> APPLIED = new ExecutionAttribute<>("dynamotest.faults.applied");

    /** What the rules decided for the attempt in flight. */
    private record Attempt(DynamoException error, Batches.Split split, Operation operation, ObjectNode request,
            byte[] replacement) {
        static final Attempt NONE = new Attempt(null, null, null, null, null);

        boolean blanks() {
            return error != null;
        }
    }

    @Override
    public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        if (context.requestBody().isEmpty()) {
            return Optional.empty();
        }
        byte[] body = read(context.requestBody().get().contentStreamProvider().newStream());
        attributes.putAttribute(BODY, body);
        String type = context.httpRequest().firstMatchingHeader("Content-Type").orElse("application/x-amz-json-1.0");
        return Optional.of(RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bodyFor(attributes, body)),
                body.length, type));
    }

    @Override
    public Optional<AsyncRequestBody> modifyAsyncHttpContent(Context.ModifyHttpRequest context,
            ExecutionAttributes attributes) {
        byte[] body = attributes.getAttribute(BODY);
        if (body == null) {
            return Optional.empty();
        }
        return Optional.of(new AsyncRequestBody() {
            @Override
            public Optional<Long> contentLength() {
                return Optional.of((long) body.length);
            }

            @Override
            public void subscribe(org.reactivestreams.Subscriber<? super ByteBuffer> subscriber) {
                AsyncRequestBody.fromBytes(bodyFor(attributes, body)).subscribe(subscriber);
            }
        });
    }

    private static byte[] bodyFor(ExecutionAttributes attributes, byte[] body) {
        Attempt attempt = attributes.getAttribute(ATTEMPT);
        if (attempt == null || !attempt.blanks()) {
            return body;
        }
        byte[] blank = new byte[body.length];
        Arrays.fill(blank, (byte) ' ');
        blank[0] = '{';
        blank[Math.max(1, body.length - 1)] = '}';
        return blank;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attributes.putAttribute(ATTEMPT, Attempt.NONE);
        attributes.putAttribute(APPLIED, "");
        byte[] body = attributes.getAttribute(BODY);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        Object region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
        ObjectNode json = parse(body);
        Map<String, String> headers = new HashMap<>();
        context.httpRequest().headers().forEach((k, v) -> headers.put(k, v.isEmpty() ? "" : v.get(0)));
        DynamoRequest request = new DynamoRequest(region == null ? null : region.toString(), operation,
                names == null ? json : declaredNames(json), headers, DynamoRequest.Origin.CLIENT, Door.HTTP);
        RuleSet.Decision decision = rules.decide(request, clock.now());
        for (Action delay : decision.delays()) {
            ServerFaults.sleep(((Action.Delay) delay).latency().next());
        }
        RuleState acting = decision.acting();
        if (acting == null) {
            return;
        }
        attributes.putAttribute(APPLIED, acting.action().describe());
        if (acting.action() instanceof Action.Fail fail) {
            DynamoException error = fail.error().apply(request);
            attributes.putAttribute(ATTEMPT, new Attempt(names == null ? error : withSentArns(error, request.region()),
                    null, null, null, null));
        } else if (acting.action() instanceof Action.Drop) {
            IOException reset = new IOException("Connection reset (fault injection: " + acting.describe() + ")");
            throw SdkClientException.builder().message("Unable to execute HTTP request: " + reset.getMessage())
                    .cause(reset).build();
        } else if (acting.action() instanceof Action.Withhold withhold) {
            String table = names == null || withhold.table() == null ? withhold.table() : names.sent(withhold.table());
            Batches.Split split = Batches.split(Operation.of(operation), json, withhold.fraction(), table);
            if (split != null) {
                attributes.putAttribute(ATTEMPT, new Attempt(null, split, Operation.of(operation), json, null));
            }
        }
    }

    /** The request body with its table names (TableName, RequestItems, TransactItems) as the rules know them. */
    private ObjectNode declaredNames(ObjectNode sent) {
        ObjectNode body = sent.deepCopy();
        rename(body);
        JsonNode requestItems = body.get("RequestItems");
        if (requestItems instanceof ObjectNode byTable) {
            ObjectNode renamed = Json.MAPPER.createObjectNode();
            byTable.fields().forEachRemaining(e -> renamed.set(names.declared(e.getKey()), e.getValue()));
            body.set("RequestItems", renamed);
        }
        JsonNode transactItems = body.get("TransactItems");
        if (transactItems != null && transactItems.isArray()) {
            for (JsonNode action : transactItems) {
                action.forEach(SdkFaultInterceptor.this::rename);
            }
        }
        return body;
    }

    private void rename(JsonNode node) {
        if (node instanceof ObjectNode object && object.path("TableName").isTextual()) {
            object.put("TableName", names.declared(object.get("TableName").asText()));
        }
    }

    /** A throttling error whose ThrottlingReasons name the tables' ARNs as sent (the endpoint's real tables). */
    private DynamoException withSentArns(DynamoException error, String region) {
        JsonNode reasons = error.details().get("ThrottlingReasons");
        if (reasons == null || !reasons.isArray()) {
            return error;
        }
        ArrayNode rewritten = Json.MAPPER.createArrayNode();
        for (JsonNode reason : reasons) {
            ObjectNode copy = reason.deepCopy();
            String resource = reason.path("resource").asText("");
            int start = resource.indexOf(":table/");
            if (start >= 0) {
                start += ":table/".length();
                int end = resource.indexOf('/', start);
                String sent = names.sent(end < 0 ? resource.substring(start) : resource.substring(start, end));
                String arn = names.arn(region, sent);
                copy.put("resource", (arn != null ? arn : resource.substring(0, start) + sent)
                        + (end < 0 ? "" : resource.substring(end)));
            }
            rewritten.add(copy);
        }
        Map<String, JsonNode> details = new HashMap<>(error.details());
        details.put("ThrottlingReasons", rewritten);
        return new FaultException(DynamoException.DYNAMODB_NAMESPACE, error.type(), error.statusCode(),
                error.getMessage(), details);
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        Attempt attempt = attributes.getAttribute(ATTEMPT);
        if (attempt == null || attempt == Attempt.NONE) {
            return context.httpResponse();
        }
        if (attempt.error() != null) {
            byte[] body = errorBody(attempt.error());
            attributes.putAttribute(ATTEMPT, new Attempt(attempt.error(), null, null, null, body));
            return SdkHttpResponse.builder().statusCode(attempt.error().statusCode())
                    .putHeader("Content-Type", "application/x-amz-json-1.0")
                    .putHeader("Content-Length", String.valueOf(body.length))
                    .putHeader("x-amz-crc32", String.valueOf(crc(body)))
                    .putHeader("x-amzn-RequestId", "dynamotest-fault")
                    .build();
        }
        SdkHttpResponse.Builder response = context.httpResponse().toBuilder()
                .removeHeader("x-amz-crc32").removeHeader("Content-Length");
        if (context.responseBody().isPresent() && context.httpResponse().isSuccessful()) {
            byte[] body = withhold(attempt, read(context.responseBody().get()));
            attributes.putAttribute(ATTEMPT, new Attempt(null, attempt.split(), attempt.operation(), attempt.request(), body));
            response.putHeader("Content-Length", String.valueOf(body.length));
        }
        return response.build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes attributes) {
        Attempt attempt = attributes.getAttribute(ATTEMPT);
        if (attempt == null || attempt.replacement() == null) {
            return context.responseBody();
        }
        return Optional.of(new ByteArrayInputStream(attempt.replacement()));
    }

    @Override
    public Optional<Publisher<ByteBuffer>> modifyAsyncHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes attributes) {
        Attempt attempt = attributes.getAttribute(ATTEMPT);
        if (attempt == null || attempt == Attempt.NONE) {
            return context.responsePublisher();
        }
        if (attempt.error() != null) {
            return Optional.of(AsyncRequestBody.fromBytes(attempt.replacement() != null ? attempt.replacement()
                    : errorBody(attempt.error())));
        }
        if (attempt.replacement() != null || context.responsePublisher().isEmpty()
                || !context.httpResponse().isSuccessful()) {
            return context.responsePublisher();
        }
        return Optional.of(new TransformedPublisher(context.responsePublisher().get(), bytes -> withhold(attempt,
                bytes)));
    }

    private static byte[] withhold(Attempt attempt, byte[] responseBody) {
        ObjectNode response = parse(responseBody);
        Operation operation = attempt.operation();
        if (operation == Operation.BATCH_GET_ITEM) {
            Batches.removeResponses(response, attempt.split());
        }
        ObjectNode merged = Batches.merge(operation, attempt.request(), response, attempt.split());
        try {
            return Json.MAPPER.writeValueAsBytes(merged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] errorBody(DynamoException error) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("__type", error.wireType());
        if (error.getMessage() != null) {
            body.put("message", error.getMessage());
        }
        error.details().forEach(body::set);
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long crc(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return crc.getValue();
    }

    private static ObjectNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            return Json.MAPPER.readTree(body) instanceof ObjectNode o ? o : Json.MAPPER.createObjectNode();
        } catch (IOException e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    private static byte[] read(InputStream in) {
        try (in) {
            return IoUtils.toByteArray(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Jackson's data binding, brought up only when a client-side fault first rewrites a body, not at start-up. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
