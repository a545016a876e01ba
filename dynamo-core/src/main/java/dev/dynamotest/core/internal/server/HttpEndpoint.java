package dev.dynamotest.core.internal.server;

import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.internal.protocol.WireProtocol;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.EOFException;
import java.io.IOException;
import java.net.BindException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The Javalin adapter: the only place that knows Javalin. It hands each request to the {@link WireProtocol}. */
public final class HttpEndpoint {

    /** DynamoDB's limit on a request's size; larger ones get 413. */
    private static final long STACK_BYTES = 8L * 1024 * 1024;
    private static final long MAX_REQUEST_BYTES = 16L * 1024 * 1024;

    private final Javalin app;
    private final String host;

    private HttpEndpoint(Javalin app, String host) {
        this.app = app;
        this.host = host;
    }

    /** Starts serving the engine; port 0 picks a free port. */
    public static HttpEndpoint start(DynamoEngine engine, String host, int port) {
        return start(() -> engine, host, port);
    }

    /** Starts serving an engine that may still be under construction; port 0 picks a free port. */
    public static HttpEndpoint start(Supplier<DynamoEngine> engine, String host, int port) {
        ServerStartup.prepare();
        WireProtocol protocol = new WireProtocol(engine);
        Javalin app = ServerStartup.onDaemonThread(() -> Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.jetty.threadPool = threadPool();
            config.routes.post("/", ctx -> handle(protocol, ctx));
            config.routes.get("/", ctx -> health(protocol, ctx));
        }));
        try {
            ServerStartup.start(() -> app.start(host, port));
        } catch (RuntimeException e) {
            app.stop();
            if (e.getCause() instanceof BindException || e instanceof IllegalStateException
                    && e.getMessage() != null && e.getMessage().contains("Port already in use")) {
                throw new IllegalStateException("Port " + port + " on " + host + " is already in use", e);
            }
            throw e;
        }
        return new HttpEndpoint(app, host);
    }

    /**
     * Request threads with deep stacks: expressions and documents are parsed recursively, and DynamoDB's own
     * limits (300 operators, 32 nesting levels) must be what stops them, not the thread's stack.
     */
    private static QueuedThreadPool threadPool() {
        ThreadFactory factory = task -> new Thread(null, task, "dynamotest-http", STACK_BYTES);
        QueuedThreadPool pool = new QueuedThreadPool(200, 4, 60_000, -1, null, null, factory);
        pool.setName("dynamotest-http");
        pool.setDaemon(true);
        return pool;
    }

    private static void handle(WireProtocol protocol, Context ctx) throws IOException {
        WireProtocol.Response response = protocol.handle(headers(ctx), body(ctx));
        if (response.drop()) {
            drop(ctx);
            return;
        }
        send(ctx, response);
    }

    /**
     * The request's headers, one value per name (the first), read in one pass over Jetty's fields: Javalin's
     * {@code headerMap()} looks every name up again, and the map was copied twice more on its way to the engine.
     */
    private static Map<String, String> headers(Context ctx) {
        HttpFields fields = ServletContextRequest.getServletContextRequest(ctx.req()).getHeaders();
        Map<String, String> headers = new HashMap<>(fields.size() * 2);
        for (HttpField field : fields) {
            headers.putIfAbsent(field.getName(), field.getValue());
        }
        return Map.copyOf(headers);
    }

    /**
     * The request's body, read straight into an array of its declared length; a body without a length, or over the
     * limit, goes through Javalin, which answers 413 for one too large.
     */
    private static byte[] body(Context ctx) throws IOException {
        long length = ctx.req().getContentLengthLong();
        if (length < 0 || length > MAX_REQUEST_BYTES) {
            return ctx.bodyAsBytes();
        }
        byte[] body = ctx.req().getInputStream().readNBytes((int) length);
        if (body.length != length) {
            throw new EOFException("the request ended after " + body.length + " of " + length + " bytes");
        }
        return body;
    }

    /** Closes the connection at once, without a response, as a network failure would. */
    private static void drop(Context ctx) {
        ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection()
                .getEndPoint().close();
    }

    private static void health(WireProtocol protocol, Context ctx) {
        ctx.status(200);
        ctx.contentType("text/plain");
        ctx.result("healthy: dynamodb." + protocol.regionOf(ctx.header("Authorization")) + ".amazonaws.com");
    }

    private static void send(Context ctx, WireProtocol.Response response) {
        ctx.status(response.status());
        response.headers().forEach(ctx::header);
        ctx.contentType(WireProtocol.CONTENT_TYPE);
        ctx.result(response.body());
    }

    public int port() {
        return app.port();
    }

    /** The host as it goes into a URL. */
    public String hostForUrl() {
        if (host.equals("0.0.0.0") || host.equals("::")) {
            return "localhost";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    public void stop() {
        app.stop();
    }
}
