package dev.dynamotest.assertions;

import java.util.List;

/**
 * What a stream handler was given and how each invocation ended, as handler assertions read it: the stream
 * handlers of {@code @DynamoTest} ({@code dynamo.streams().onTable("Orders").handler(...)}) implement it.
 *
 * <pre>{@code
 * assertThat(handler).hasNoFailures().processed(Key.of("pk", "A#1"), Key.of("pk", "A#2"));
 * }</pre>
 */
public interface HandlerActivity {

    /** Names the handler in failure messages, such as {@code Stream handler #1 on Orders (us-east-1)}. */
    String description();

    /** Every invocation so far, oldest first, retries included. */
    List<HandlerInvocation> invocations();

    /** What was sent to the on-failure destination, oldest first; empty when the handler has none. */
    List<OnFailureRecord> onFailureRecords();
}
