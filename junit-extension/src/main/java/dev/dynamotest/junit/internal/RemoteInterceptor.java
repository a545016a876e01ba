package dev.dynamotest.junit.internal;

import dev.dynamotest.core.Operation;
import dev.dynamotest.core.RequestJournal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;

/**
 * What the injected clients do against an endpoint elsewhere: they carry the class's table prefix (added to
 * requests, taken out of responses and error messages) and write each request into the class's journal.
 */
final class RemoteInterceptor implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> START = new ExecutionAttribute<>("dynamotest.start");
    private static final ExecutionAttribute<List<String>> TABLES = new ExecutionAttribute<>("dynamotest.tables");

    private final TableNamePrefix prefix;
    private final RequestJournal journal;
    private final Set<String> regions = ConcurrentHashMap.newKeySet();

    RemoteInterceptor(TableNamePrefix prefix, RequestJournal journal) {
        this.prefix = prefix;
        this.journal = journal;
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

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
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
        record(attributes, 200, null, null);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable failure = context.exception();
        if (failure instanceof AwsServiceException e && e.awsErrorDetails() != null) {
            record(attributes, e.statusCode(), e.awsErrorDetails().errorCode(),
                    prefix.message(e.awsErrorDetails().errorMessage()));
        } else {
            record(attributes, 0, failure.getClass().getSimpleName(), prefix.message(failure.getMessage()));
        }
    }

    private void record(ExecutionAttributes attributes, int statusCode, String errorType, String message) {
        Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
        if (region != null) {
            regions.add(region.id());
        }
        Long start = attributes.getAttribute(START);
        List<String> tables = attributes.getAttribute(TABLES);
        journal.record(region == null ? "" : region.id(),
                Operation.of(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)),
                tables == null ? List.of() : tables, 0, null, statusCode, errorType, message,
                Duration.ofNanos(start == null ? 0 : System.nanoTime() - start));
    }
}
