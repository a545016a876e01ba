package dev.dynamotest.core.internal.inprocess;

import dev.dynamotest.core.internal.protocol.WireProtocol;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The AWS SDK's synchronous HTTP client, served by the engine in this JVM: the request's bytes go to the wire
 * protocol with no socket and no server. The engine owns it; closing it does nothing.
 *
 * <p>An engine in memory serves the call on the calling thread, the cheapest way. An engine with a database file
 * serves it on one of its {@link Workers}, as a server thread would: the SDK interrupts the calling thread when a call
 * times out, and an interrupt in the middle of a file write closes H2's file.
 */
public final class InProcessHttpClient implements SdkHttpClient {

    private final Exchange exchange;
    private final Workers workers;

    /** A client that serves calls on the calling thread ({@code workers} null) or on the workers. */
    public InProcessHttpClient(WireProtocol protocol, Workers workers) {
        this.exchange = new Exchange(protocol);
        this.workers = workers;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new Call(request);
    }

    @Override
    public String clientName() {
        return "DynamoTestInProcess";
    }

    /** The engine owns the client: the SDK client that was given it closes nothing of the engine's. */
    @Override
    public void close() {
    }

    /**
     * One call. An abort before or during the call fails it with an {@link InterruptedIOException}, as a socket
     * closed under a blocked read would; the engine finishes whatever it had started, as a server would.
     */
    private final class Call implements ExecutableHttpRequest {

        private final HttpExecuteRequest request;
        private final CompletableFuture<Exchange.Answer> answer = new CompletableFuture<>();

        Call(HttpExecuteRequest request) {
            this.request = request;
        }

        @Override
        public HttpExecuteResponse call() throws IOException {
            checkAborted();
            byte[] body = body(request.contentStreamProvider().orElse(null));
            Exchange.Answer answered = workers == null ? exchange.answer(request.httpRequest(), body) : onWorker(body);
            checkAborted();
            return HttpExecuteResponse.builder()
                    .response(answered.response())
                    .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answered.body())))
                    .build();
        }

        /** Serves the call on a worker and waits for its answer, or for an abort or an interrupt. */
        private Exchange.Answer onWorker(byte[] body) throws IOException {
            try {
                workers.execute(() -> {
                    try {
                        answer.complete(exchange.answer(request.httpRequest(), body));
                    } catch (IOException | RuntimeException | Error e) {
                        answer.completeExceptionally(e);
                    }
                });
            } catch (RejectedExecutionException e) {
                throw new IOException("the in-process endpoint is serving " + Workers.MAX_THREADS
                        + " requests already, or its engine is closed", e);
            }
            try {
                return answer.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the engine served the request");
            } catch (CancellationException e) {
                throw new InterruptedIOException("the request was aborted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw (Error) e.getCause();
            }
        }

        private void checkAborted() throws InterruptedIOException {
            if (answer.isCancelled()) {
                throw new InterruptedIOException("the request was aborted");
            }
        }

        @Override
        public void abort() {
            answer.cancel(false);
        }
    }

    static byte[] body(ContentStreamProvider provider) throws IOException {
        if (provider == null) {
            return new byte[0];
        }
        try (InputStream in = provider.newStream()) {
            return in.readAllBytes();
        }
    }
}
