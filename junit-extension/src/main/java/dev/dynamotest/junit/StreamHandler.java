package dev.dynamotest.junit;

import dev.dynamotest.assertions.HandlerActivity;

/**
 * A registered stream handler: what it received so far (for {@code assertThat(handler)}) and a way to stop it.
 * Obtained from {@link EventSourceMapping#handler}.
 */
public interface StreamHandler extends HandlerActivity {

    /** The ARN of the stream the handler reads now. */
    String streamArn();

    /** Stops delivering to the handler; a batch in flight is finished first. */
    void remove();
}
