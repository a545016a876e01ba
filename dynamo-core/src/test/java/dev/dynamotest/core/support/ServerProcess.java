package dev.dynamotest.core.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The standalone endpoint ({@code dev.dynamotest.core.Main}, what {@code dynamotest-server.jar} runs) in a JVM of its
 * own, started from this module's class path, for tests that stop or kill the process. Ready when it prints its
 * endpoint URL.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Process process;
    private final List<String> stdout = new ArrayList<>();
    private final List<String> stderr = new ArrayList<>();
    private final CompletableFuture<URI> endpoint = new CompletableFuture<>();
    private final Thread stdoutReader;
    private final Thread stderrReader;

    private ServerProcess(List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "dev.dynamotest.core.Main"));
        command.addAll(args);
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        stdoutReader = reader(process.getInputStream(), stdout, true);
        stderrReader = reader(process.getErrorStream(), stderr, false);
    }

    /** Starts the server with these arguments and waits until it serves; fails with its output if it exits first. */
    public static ServerProcess start(String... args) {
        ServerProcess server = new ServerProcess(List.of(args));
        try {
            server.endpoint.get(STARTUP.toSeconds(), TimeUnit.SECONDS);
            return server;
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            server.process.destroyForcibly();
            throw new IllegalStateException("the server did not start within " + STARTUP.toSeconds()
                    + " s; stdout: " + server.stdout() + ", stderr: " + server.stderr(), e);
        }
    }

    /** Runs the server with these arguments, for a start that must fail, and waits until it exits. */
    public static ServerProcess run(String... args) throws InterruptedException {
        ServerProcess server = new ServerProcess(List.of(args));
        if (!server.process.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)) {
            server.process.destroyForcibly();
            throw new IllegalStateException("the server still runs after " + STARTUP.toSeconds() + " s; stdout: "
                    + server.stdout() + ", stderr: " + server.stderr());
        }
        server.drained();
        return server;
    }

    public URI endpoint() {
        return endpoint.join();
    }

    /** A client for the endpoint that never retries, so that each call is one request and its outcome is known. */
    public DynamoDbClient client() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    public DynamoDbStreamsClient streams() {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Kills the process with SIGKILL, as a crash would, and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
        drained();
    }

    /** Asks the process to stop with SIGTERM, as Ctrl-C or a service manager would; its exit code, or -1 on timeout. */
    public int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return -1;
        }
        drained();
        return process.exitValue();
    }

    /** Interrupts the process with SIGINT, as Ctrl-C in its terminal would; its exit code, or -1 on timeout. */
    public int interrupt(Duration timeout) throws InterruptedException, IOException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -INT " + process.pid() + " failed");
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return -1;
        }
        drained();
        return process.exitValue();
    }

    public int exitCode() {
        return process.exitValue();
    }

    public List<String> stdout() {
        synchronized (stdout) {
            return List.copyOf(stdout);
        }
    }

    public List<String> stderr() {
        synchronized (stderr) {
            return List.copyOf(stderr);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void drained() throws InterruptedException {
        stdoutReader.join(10_000);
        stderrReader.join(10_000);
    }

    private Thread reader(InputStream in, List<String> lines, boolean watchForEndpoint) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    if (watchForEndpoint && line.matches("http://\\S+")) {
                        endpoint.complete(URI.create(line));
                    }
                }
            } catch (IOException e) {
                endpoint.completeExceptionally(e);
            }
            if (watchForEndpoint) {
                endpoint.completeExceptionally(new IllegalStateException("the server exited before it served"));
            }
        }, "server process output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
