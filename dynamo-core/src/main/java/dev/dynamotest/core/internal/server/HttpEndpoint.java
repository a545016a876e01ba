package dev.dynamotest.core.internal.server;

import dev.dynamotest.core.Door;
import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.SigV4Verifier;
import dev.dynamotest.core.internal.protocol.WireProtocol;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.EOFException;
import java.io.IOException;
import java.net.BindException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The Javalin adapter: the only place that knows Javalin. It hands each request to the {@link WireProtocol}. */
public final class HttpEndpoint {

    private static final long STACK_BYTES = 8L * 1024 * 1024;
    /** DynamoDB's limit on a request's size; larger ones get 413. */
    private static final long MAX_REQUEST_BYTES = 16L * 1024 * 1024;
    /** The response headers a browser page may read: the ones the SDKs look at. */
    private static final String CORS_EXPOSED_HEADERS = "x-amzn-RequestId,x-amzn-ErrorType,x-amz-crc32,Date";
    /** How long a browser may keep a preflight's answer. */
    private static final String CORS_MAX_AGE_SECONDS = "86400";

    /**
     * Jetty's per-connection cache of request header fields: off. SDK requests repeat few fields whole (their
     * signature, date and invocation id change every time), and looking each field up in the cache's trie cost
     * more than it saved.
     */
    private static final int HEADER_CACHE = 0;

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
        return start(engine, host, port, null);
    }

    /**
     * Starts serving an engine that may still be under construction, refusing requests whose signature the verifier
     * rejects ({@code null}: no check, and no cost on a request's way); port 0 picks a free port.
     */
    public static HttpEndpoint start(Supplier<DynamoEngine> engine, String host, int port, SigV4Verifier verifier) {
        ServerStartup.prepare();
        WireProtocol protocol = new WireProtocol(engine, Door.HTTP);
        // the body size from which Javalin compresses an answer, read from its configuration as it is built
        int[] compressedFrom = new int[1];
        Javalin app = ServerStartup.onDaemonThread(() -> Javalin.create(config -> {
            compressedFrom[0] = config.http.compressionStrategy.getDefaultMinSizeForCompression();
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.jetty.threadPool = threadPool();
            config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(HEADER_CACHE));
            if (verifier == null) {
                config.routes.post("/", ctx -> handle(protocol, ctx, compressedFrom[0]));
            } else {
                config.routes.post("/", ctx -> handleSigned(protocol, verifier, ctx, compressedFrom[0]));
            }
            config.routes.get("/", ctx -> health(protocol, ctx));
            config.routes.options("/", HttpEndpoint::preflight);
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

    private static void handle(WireProtocol protocol, Context ctx, int compressedFrom) throws IOException {
        respond(ctx, protocol.handle(headers(ctx), body(ctx)), compressedFrom);
    }

    /** Handles a POST once its signature is verified; a request that fails the check gets DynamoDB's error. */
    private static void handleSigned(WireProtocol protocol, SigV4Verifier verifier, Context ctx, int compressedFrom)
            throws IOException {
        byte[] body = body(ctx);
        try {
            verifier.verify(new SigV4Verifier.SignedRequest(ctx.req().getMethod(), ctx.req().getRequestURI(),
                    ctx.req().getQueryString(), allHeaders(ctx), body));
        } catch (DynamoException e) {
            send(ctx, protocol.rejection(e), compressedFrom);
            return;
        }
        respond(ctx, protocol.handle(headers(ctx), body), compressedFrom);
    }

    /** Sends the response, or closes the connection when the response is to drop it. */
    private static void respond(Context ctx, WireProtocol.Response response, int compressedFrom) throws IOException {
        if (response.drop()) {
            drop(ctx);
            return;
        }
        send(ctx, response, compressedFrom);
    }

    /** Every value of every header, by lower-case name, as a signature covers them. */
    private static Map<String, List<String>> allHeaders(Context ctx) {
        Map<String, List<String>> headers = new HashMap<>();
        for (HttpField field : ServletContextRequest.getServletContextRequest(ctx.req()).getHeaders()) {
            headers.computeIfAbsent(field.getLowerCaseName(), name -> new ArrayList<>()).add(field.getValue());
        }
        return headers;
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

    /**
     * DynamoDB's answer to {@code GET /}: a health line naming the host it was called with (the regional endpoint's
     * name when the request has no {@code Host}).
     */
    private static void health(WireProtocol protocol, Context ctx) {
        WireProtocol.Response health = protocol.health(ctx.header("Host"), ctx.header("Authorization"));
        ctx.status(health.status());
        allowOrigin(ctx);
        ctx.contentType("text/plain");
        ctx.result(health.body());
    }

    /**
     * A CORS preflight, answered as DynamoDB does so that browser SDKs may call the endpoint: any origin, and the
     * method and headers the browser asks for.
     */
    private static void preflight(Context ctx) {
        ctx.status(200);
        if (allowOrigin(ctx)) {
            ctx.header("Access-Control-Max-Age", CORS_MAX_AGE_SECONDS);
            String method = ctx.header("Access-Control-Request-Method");
            if (method != null) {
                ctx.header("Access-Control-Allow-Methods", method);
            }
            String headers = ctx.header("Access-Control-Request-Headers");
            if (headers != null) {
                ctx.header("Access-Control-Allow-Headers", headers);
            }
        }
    }

    /**
     * Adds CORS's response headers when the request comes from a browser page (it has an {@code Origin}). It looks
     * the header up by Jetty's enum among the request's fields, a scan of a few references: SDKs send no
     * {@code Origin}, and the check costs them next to nothing.
     */
    private static boolean allowOrigin(Context ctx) {
        if (ServletContextRequest.getServletContextRequest(ctx.req()).getHeaders().get(HttpHeader.ORIGIN) == null) {
            return false;
        }
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Expose-Headers", CORS_EXPOSED_HEADERS);
        return true;
    }

    /**
     * Sends a response. A body Javalin would not compress (one too small, or any body when the request has no
     * {@code Accept-Encoding}, as the SDKs send none) is written straight to the servlet response with its length:
     * the bytes and headers Javalin would have sent, without its copy through an input stream and a fresh 8 KB
     * buffer. Any other body goes through Javalin, which compresses it.
     */
    private static void send(Context ctx, WireProtocol.Response response, int compressedFrom) throws IOException {
        ctx.status(response.status());
        response.headers().forEach(ctx::header);
        allowOrigin(ctx);
        ctx.contentType(WireProtocol.CONTENT_TYPE);
        byte[] body = response.body();
        if (body.length < compressedFrom || ServletContextRequest.getServletContextRequest(ctx.req()).getHeaders()
                .get(HttpHeader.ACCEPT_ENCODING) == null) {
            ctx.res().setContentLength(body.length);
            ctx.res().getOutputStream().write(body);
        } else {
            ctx.result(body);
        }
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
