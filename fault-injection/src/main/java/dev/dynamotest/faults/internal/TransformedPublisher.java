package dev.dynamotest.faults.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.function.UnaryOperator;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.AsyncRequestBody;

/** A response body publisher that gathers the whole body, transforms it, and publishes the result. */
public final class TransformedPublisher implements Publisher<ByteBuffer> {

    private final Publisher<ByteBuffer> upstream;
    private final UnaryOperator<byte[]> transform;

    public TransformedPublisher(Publisher<ByteBuffer> upstream, UnaryOperator<byte[]> transform) {
        this.upstream = upstream;
        this.transform = transform;
    }

    @Override
    public void subscribe(Subscriber<? super ByteBuffer> downstream) {
        upstream.subscribe(new Subscriber<>() {
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer buffer) {
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable error) {
                downstream.onSubscribe(new Subscription() {
                    @Override
                    public void request(long n) {
                    }

                    @Override
                    public void cancel() {
                    }
                });
                downstream.onError(error);
            }

            @Override
            public void onComplete() {
                byte[] result;
                try {
                    result = transform.apply(bytes.toByteArray());
                } catch (RuntimeException e) {
                    onError(e);
                    return;
                }
                AsyncRequestBody.fromBytes(result).subscribe(downstream);
            }
        });
    }
}
