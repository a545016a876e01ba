package dev.dynamotest.junit.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DynamoDB-compatible server in a process of its own (dynalite, or our standalone jar), started for a test
 * class and stopped after it. Ready when its output shows the line that servers print once they listen.
 */
public final class ExternalServer implements AutoCloseable {

    private static final long STARTUP_SECONDS = 120;

    private final String name;
    private final Process process;
    private final Thread killer;
    private final List<String> output = new ArrayList<>();
    private final String endpoint;

    private ExternalServer(String name, List<String> command, Pattern ready, Function<Matcher, String> endpoint) {
        this.name = name;
        try {
            this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (" + String.join(" ", command) + ")", e);
        }
        this.killer = new Thread(process::destroyForcibly, "stop " + name);
        Runtime.getRuntime().addShutdownHook(killer);
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> read(ready, endpoint, url), name + " output");
        reader.setDaemon(true);
        reader.start();
        try {
            this.endpoint = url.get(STARTUP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            close();
            throw new IllegalStateException(name + " did not become ready within " + STARTUP_SECONDS
                    + " s; its output:\n" + output(), e);
        }
    }

    /** dynalite, from its npm installation in {@code dir}, on a free port. */
    public static ExternalServer dynalite(Path dir) {
        Path cli = dir.resolve("node_modules/dynalite/cli.js");
        require(cli, "junit-extension/src/test/scripts/install-dynalite.sh (the build runs it)");
        int port = freePort();
        return new ExternalServer("dynalite", List.of("node", cli.toString(), "--host", "127.0.0.1", "--port",
                String.valueOf(port), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"),
                Pattern.compile("listening at: (https?://\\S+)"), m -> "http://127.0.0.1:" + port);
    }

    /** The standalone endpoint jar, in a JVM of its own, on a port it picks. */
    public static ExternalServer jar(Path jar) {
        require(jar, "./mvnw -pl server -am package -DskipTests");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ExternalServer("dynamotest-server.jar", List.of(java.toString(), "-Xshare:auto", "-jar",
                jar.toString(), "--port", "0"), Pattern.compile("^(http://\\S+)$"), m -> m.group(1));
    }

    public String endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException e) {
            // the JVM is shutting down and runs the hook anyway
        }
    }

    @Override
    public String toString() {
        return name + " at " + endpoint;
    }

    private void read(Pattern ready, Function<Matcher, String> endpoint, CompletableFuture<String> url) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (output) {
                    output.add(line);
                }
                Matcher matcher = ready.matcher(line);
                if (!url.isDone() && matcher.find()) {
                    url.complete(endpoint.apply(matcher));
                }
            }
            url.completeExceptionally(new IllegalStateException(name + " exited with " + process.waitFor()));
        } catch (IOException | InterruptedException e) {
            url.completeExceptionally(e);
        }
    }

    private String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    private static void require(Path file, String howToMake) {
        if (!Files.exists(file)) {
            throw new IllegalStateException(file.toAbsolutePath() + " is missing; make it with " + howToMake);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
