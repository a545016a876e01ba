package dev.dynamotest.benchmarks;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;

/**
 * The HTTP floor: a bare Javalin endpoint on a loopback address that reads each request and answers it with a
 * fixed response for its operation, doing no other work. What the SDK and HTTP cost on their own, so that the
 * other endpoints' numbers can be read as ratios.
 *
 * <pre>{@code
 * java -cp dynamotest-benchmarks.jar dev.dynamotest.benchmarks.FloorServer [--port 0] [--host 127.0.0.1]
 * }</pre>
 * Prints its URL on one line once it is ready.
 */
public final class FloorServer implements AutoCloseable {

    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    private final Javalin app;
    private final String host;

    private FloorServer(Javalin app, String host) {
        this.app = app;
        this.host = host;
    }

    /** Starts the floor on {@code host} (a loopback address) and {@code port}; 0 picks a free port. */
    public static FloorServer start(String host, int port) {
        LoopbackClient.requireLoopback(URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host)));
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.routes.post("/", FloorServer::answer);
        });
        app.start(host, port);
        return new FloorServer(app, host);
    }

    private static void answer(Context ctx) {
        ctx.bodyAsBytes();
        FloorResponses.Answer answer = FloorResponses.forTarget(ctx.header("X-Amz-Target"));
        ctx.header("x-amzn-RequestId", "floor");
        ctx.header("x-amz-crc32", answer.crc32());
        ctx.contentType(CONTENT_TYPE);
        ctx.result(answer.body());
    }

    public URI endpoint() {
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + app.port());
    }

    @Override
    public void close() {
        app.stop();
    }

    public static void main(String[] argv) throws InterruptedException {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        Args args = Args.parse(argv);
        FloorServer floor = start(args.text("host", "127.0.0.1"), (int) args.number("port", 0));
        Runtime.getRuntime().addShutdownHook(new Thread(floor::close, "floor-shutdown"));
        System.out.println(floor.endpoint());
        System.out.flush();
        Thread.currentThread().join();
    }
}
