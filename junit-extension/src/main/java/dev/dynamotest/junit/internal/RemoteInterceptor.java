package dev.dynamotest.junit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynamotest.core.Operation;
import dev.dynamotest.core.requests.RecordedRequest;
import dev.dynamotest.core.requests.RequestJournal;
import dev.dynamotest.faults.ClientFaults;
import dev.dynamotest.faults.internal.TransformedPublisher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.utils.IoUtils;

/**
 * What the injected clients do against an endpoint elsewhere: they carry the class's table prefix (added to
 * requests, taken out of responses and error messages) and write each attempt of each request into the class's
 * journal, with the SDK's attempt number and call id, the HTTP status and the error type the answer names (as
 * the fault rules shaped it: the rules' interceptor comes after this one, so it answers first).
 */
final class RemoteInterceptor implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> START = new ExecutionAttribute<>("dynamotest.start");
    private static final ExecutionAttribute<List<String>> TABLES = new ExecutionAttribute<>("dynamotest.tables");
    private static final ExecutionAttribute<Attempt> ATTEMPT = new ExecutionAttribute<>("dynamotest.attempt");
    private static final Pattern ATTEMPT_NUMBER = Pattern.compile("attempt=(\\d+)");
    private static final Pattern MAX_ATTEMPTS = Pattern.compile("max=(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One attempt of a call, sent and not yet written into the journal. */
    private static final class Attempt {
        final int number;
        final int maxAttempts;
        final String invocationId;
        final long start = System.nanoTime();
        volatile int status;
        private boolean recorded;

        Attempt(int number, int maxAttempts, String invocationId) {
            this.number = number;
            this.maxAttempts = maxAttempts;
            this.invocationId = invocationId;
        }

        /** Whether the caller is the first to finish it. */
        synchronized boolean finish() {
            boolean first = !recorded;
            recorded = true;
            return first;
        }
    }

    private final TableNamePrefix prefix;
    private final RequestJournal journal;
    private final RemoteTableNames names;
    private final Set<String> regions = ConcurrentHashMap.newKeySet();

    RemoteInterceptor(TableNamePrefix prefix, RequestJournal journal, RemoteTableNames names) {
        this.prefix = prefix;
        this.journal = journal;
        this.names = names;
    }

    /** The regions the clients sent requests to. */
    Set<String> regions() {
        return regions;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        List<String> tables = new ArrayList<>();
        SdkRequest request = prefix.toEndpoint(context.request(), tables);
        attributes.putAttribute(START, System.nanoTime());
        attributes.putAttribute(TABLES, tables.stream().distinct().toList());
        return request;
    }

    /** An attempt leaves: one before it that got no answer lost its connection. */
    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Attempt previous = attributes.getAttribute(ATTEMPT);
        if (previous != null && previous.finish()) {
            record(attributes, previous, previous.status, previous.status == 0 ? RecordedRequest.CONNECTION_DROPPED
                    : "HTTP " + previous.status, null);
        }
        SdkHttpRequest http = context.httpRequest();
        String sdkRequest = http.firstMatchingHeader("amz-sdk-request").orElse("");
        Matcher number = ATTEMPT_NUMBER.matcher(sdkRequest);
        Matcher max = MAX_ATTEMPTS.matcher(sdkRequest);
        attributes.putAttribute(ATTEMPT, new Attempt(number.find() ? Integer.parseInt(number.group(1)) : 0,
                max.find() ? Integer.parseInt(max.group(1)) : 0,
                http.firstMatchingHeader("amz-sdk-invocation-id").orElse(null)));
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        Attempt attempt = attributes.getAttribute(ATTEMPT);
        if (attempt != null) {
            attempt.status = context.httpResponse().statusCode();
            if (context.httpResponse().isSuccessful() && attempt.finish()) {
                record(attributes, attempt, attempt.status, null, null);
            }
        }
        return context.httpResponse();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes attributes) {
        Attempt attempt = attributes.getAttribute(ATTEMPT);
        if (attempt == null || context.httpResponse().isSuccessful() || context.responseBody().isEmpty()) {
            return context.responseBody();
        }
        byte[] body;
        try (InputStream in = context.responseBody().get()) {
            body = IoUtils.toByteArray(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        recordError(attributes, attempt, body);
        return Optional.of(new ByteArrayInputStream(body));
    }

    @Override
    public Optional<Publisher<ByteBuffer>> modifyAsyncHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes attributes) {
        Attempt attempt = attributes.getAttribute(ATTEMPT);
        if (attempt == null || context.httpResponse().isSuccessful() || context.responsePublisher().isEmpty()) {
            return context.responsePublisher();
        }
        return Optional.of(new TransformedPublisher(context.responsePublisher().get(), body -> {
            recordError(attributes, attempt, body);
            return body;
        }));
    }

    /** Records a failed attempt with the error type and message of its answer's body. */
    private void recordError(ExecutionAttributes attributes, Attempt attempt, byte[] body) {
        String type = "HTTP " + attempt.status;
        String message = null;
        try {
            JsonNode error = JSON.readTree(body);
            if (error != null && error.path("__type").isTextual()) {
                String wire = error.get("__type").asText();
                type = wire.substring(wire.indexOf('#') + 1);
                JsonNode text = error.has("message") ? error.get("message") : error.get("Message");
                message = text == null || text.isNull() ? null : prefix.message(text.asText());
            }
        } catch (IOException e) {
            // not JSON: the status is all there is to say
        }
        if (attempt.finish()) {
            record(attributes, attempt, attempt.status, type, message);
        }
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        if (context.response() instanceof CreateTableResponse created && created.tableDescription() != null) {
            names.learn(created.tableDescription().tableArn());
        } else if (context.response() instanceof DescribeTableResponse described && described.table() != null) {
            names.learn(described.table().tableArn());
        }
        return prefix.fromEndpoint(context.response());
    }

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (context.exception() instanceof AwsServiceException e && e.awsErrorDetails() != null) {
            return e.toBuilder().message(prefix.message(e.getMessage()))
                    .awsErrorDetails(e.awsErrorDetails().toBuilder()
                            .errorMessage(prefix.message(e.awsErrorDetails().errorMessage())).build())
                    .build();
        }
        return context.exception();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Attempt attempt = attributes.getAttribute(ATTEMPT);
        if (attempt == null) {
            record(attributes, null, 200, null, null);
        } else if (attempt.finish()) {
            record(attributes, attempt, attempt.status, null, null);
        }
    }

    /** The call failed: records its last attempt if nothing did yet, or the call if it never left. */
    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Attempt attempt = attributes.getAttribute(ATTEMPT);
        if (attempt != null && !attempt.finish()) {
            return;
        }
        Throwable failure = context.exception();
        if (failure instanceof AwsServiceException e && e.awsErrorDetails() != null) {
            record(attributes, attempt, e.statusCode(), e.awsErrorDetails().errorCode(),
                    prefix.message(e.awsErrorDetails().errorMessage()));
        } else {
            record(attributes, attempt, 0, failure.getClass().getSimpleName(), prefix.message(failure.getMessage()));
        }
    }

    private void record(ExecutionAttributes attributes, Attempt attempt, int statusCode, String errorType,
            String message) {
        Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
        if (region != null) {
            regions.add(region.id());
        }
        Long start = attempt != null ? Long.valueOf(attempt.start) : attributes.getAttribute(START);
        List<String> tables = attributes.getAttribute(TABLES);
        String fault = attributes.getAttribute(ClientFaults.APPLIED_FAULT);
        journal.record(region == null ? "" : region.id(),
                Operation.of(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)),
                tables == null ? List.of() : tables, attempt == null ? 0 : attempt.number,
                attempt == null ? 0 : attempt.maxAttempts, attempt == null ? null : attempt.invocationId, statusCode,
                errorType, message, Duration.ofNanos(start == null ? 0 : System.nanoTime() - start),
                fault == null || fault.isEmpty() ? null : fault);
    }
}
