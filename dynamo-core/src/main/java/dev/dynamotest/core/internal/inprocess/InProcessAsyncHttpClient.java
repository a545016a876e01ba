package dev.dynamotest.core.internal.inprocess;

import dev.dynamotest.core.internal.protocol.WireProtocol;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;

/**
 * The AWS SDK's asynchronous HTTP client, served by the engine in this JVM. It reads the request body as the SDK
 * publishes it, one buffer at a time, runs the engine on a thread of its own (never the SDK's event loop or the
 * caller's), and publishes the response body as the SDK asks for it. The engine owns it: closing it does nothing,
 * the engine's close stops its threads.
 */
public final class InProcessAsyncHttpClient implements SdkAsyncHttpClient {

    private final Exchange exchange;
    private final Workers workers;

    public InProcessAsyncHttpClient(WireProtocol protocol, Workers workers) {
        this.exchange = new Exchange(protocol);
        this.workers = workers;
    }

    @Override
    public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        request.requestContentPublisher().subscribe(new BodyReader(request, done));
        return done;
    }

    @Override
    public String clientName() {
        return "DynamoTestInProcess";
    }

    /** The engine owns the client: the SDK client that was given it closes nothing of the engine's. */
    @Override
    public void close() {
    }

    /** Answers a request once its body is read, on a worker thread. */
    private void answer(AsyncExecuteRequest request, byte[] body, CompletableFuture<Void> done) {
        try {
            workers.execute(() -> respond(request, body, done));
        } catch (RejectedExecutionException e) {
            fail(request.responseHandler(), done, new IOException("the in-process endpoint is serving "
                    + Workers.MAX_THREADS + " requests already, or its engine is closed", e));
        }
    }

    private void respond(AsyncExecuteRequest request, byte[] body, CompletableFuture<Void> done) {
        SdkAsyncHttpResponseHandler handler = request.responseHandler();
        Exchange.Answer answer;
        try {
            answer = exchange.answer(request.request(), body);
        } catch (IOException | RuntimeException e) {
            fail(handler, done, e);
            return;
        } catch (Error e) {
            fail(handler, done, e);
            throw e;
        }
        if (done.isDone()) {
            return;
        }
        handler.onHeaders(answer.response());
        handler.onStream(new BodyPublisher(answer.body(), done));
    }

    private static void fail(SdkAsyncHttpResponseHandler handler, CompletableFuture<Void> done, Throwable error) {
        if (!done.isDone()) {
            handler.onError(error);
            done.completeExceptionally(error);
        }
    }

    /** Reads the request body as the SDK publishes it, asking for one buffer at a time. */
    private final class BodyReader implements Subscriber<ByteBuffer> {

        private final AsyncExecuteRequest request;
        private final CompletableFuture<Void> done;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private Subscription subscription;

        BodyReader(AsyncExecuteRequest request, CompletableFuture<Void> done) {
            this.request = request;
            this.done = done;
        }

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            body.writeBytes(bytes);
            subscription.request(1);
        }

        @Override
        public void onError(Throwable error) {
            fail(request.responseHandler(), done, error);
        }

        @Override
        public void onComplete() {
            answer(request, body.toByteArray(), done);
        }
    }

    /**
     * The response body: one buffer, sent when the SDK asks for it; the exchange is done when the SDK has been told
     * the body is complete. A cancelled subscription ends it as well.
     */
    private static final class BodyPublisher implements Publisher<ByteBuffer> {

        private final byte[] body;
        private final CompletableFuture<Void> done;
        private final AtomicBoolean subscribed = new AtomicBoolean();

        BodyPublisher(byte[] body, CompletableFuture<Void> done) {
            this.body = body;
            this.done = done;
        }

        @Override
        public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
            if (!subscribed.compareAndSet(false, true)) {
                subscriber.onSubscribe(new Subscription() {
                    @Override
                    public void request(long n) {
                    }

                    @Override
                    public void cancel() {
                    }
                });
                subscriber.onError(new IllegalStateException("the response body has been read already"));
                return;
            }
            subscriber.onSubscribe(new Subscription() {
                private final AtomicBoolean sent = new AtomicBoolean();

                @Override
                public void request(long n) {
                    if (n <= 0) {
                        if (sent.compareAndSet(false, true)) {
                            IllegalArgumentException error =
                                    new IllegalArgumentException("a subscriber must request a positive number");
                            subscriber.onError(error);
                            done.completeExceptionally(error);
                        }
                        return;
                    }
                    if (sent.compareAndSet(false, true)) {
                        if (body.length > 0) {
                            subscriber.onNext(ByteBuffer.wrap(body));
                        }
                        subscriber.onComplete();
                        done.complete(null);
                    }
                }

                @Override
                public void cancel() {
                    if (sent.compareAndSet(false, true)) {
                        done.complete(null);
                    }
                }
            });
        }
    }
}
