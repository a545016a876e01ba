package dev.dynamotest.spring.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * An application context's HTTP endpoint: a URL that stays the same for the context's life, which a cached context
 * keeps in its properties, while each request is served by the engine of the test class running now (through the
 * {@link RoutedHttpClient}). Started on first use, on a port the OS chooses; stopped with the context.
 */
final class HttpFront implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HttpFront.class.getName());
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final List<String> HOP_HEADERS = List.of("content-length", "transfer-encoding", "connection");

    private final SdkHttpClient routed;
    private HttpServer server;
    private ExecutorService executor;

    HttpFront(SdkHttpClient routed) {
        this.routed = routed;
    }

    /** The URL, starting the front if it has not started. */
    synchronized URI url() {
        if (server == null) {
            start();
        }
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the Spring context's DynamoDB endpoint on 127.0.0.1", e);
        }
        executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "dynamotest-spring-http-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder()
                    .method(SdkHttpMethod.fromValue(exchange.getRequestMethod()))
                    .uri(URI.create("http://" + exchange.getLocalAddress().getHostString() + ":"
                            + exchange.getLocalAddress().getPort() + exchange.getRequestURI()));
            exchange.getRequestHeaders().forEach(request::putHeader);
            ContentStreamProvider content = () -> new ByteArrayInputStream(body);
            HttpExecuteResponse response;
            try {
                response = routed.prepareRequest(HttpExecuteRequest.builder().request(request.build())
                        .contentStreamProvider(content).build()).call();
            } catch (RuntimeException e) {
                byte[] message = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\","
                        + "\"message\":\"" + String.valueOf(e.getMessage()).replace("\\", "\\\\").replace("\"", "'")
                        + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
                exchange.sendResponseHeaders(500, message.length);
                exchange.getResponseBody().write(message);
                LOG.log(System.Logger.Level.WARNING, "a request to the Spring context's DynamoDB endpoint failed", e);
                return;
            }
            byte[] answer;
            try (InputStream in = response.responseBody().map(InputStream.class::cast)
                    .orElse(InputStream.nullInputStream())) {
                answer = in.readAllBytes();
            }
            for (Map.Entry<String, List<String>> header : response.httpResponse().headers().entrySet()) {
                if (!HOP_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    exchange.getResponseHeaders().put(header.getKey(), header.getValue());
                }
            }
            exchange.sendResponseHeaders(response.httpResponse().statusCode(), answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }
}
