package dev.dynamotest.core.support;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the AWS CLI's {@code aws dynamodb} against an endpoint, as users of other languages reach it. */
public final class AwsCli {

    /** What a command printed (standard output and error together) and its exit code. */
    public record Result(int exitCode, String output) {
    }

    private AwsCli() {
    }

    /** Whether {@code aws} is on the PATH; tests that need it are skipped without it. */
    public static boolean onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "aws"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code aws dynamodb OPERATION ARGUMENTS} against the endpoint in us-east-1, signed with the keys, with
     * JSON output, one attempt and no configuration or credentials files of the machine's.
     */
    public static Result run(URI endpoint, String keyId, String secret, String operation, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws", "dynamodb", operation, "--endpoint-url",
                endpoint.toString(), "--region", "us-east-1", "--output", "json", "--cli-read-timeout", "10",
                "--cli-connect-timeout", "10"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.put("AWS_ACCESS_KEY_ID", keyId);
        env.put("AWS_SECRET_ACCESS_KEY", secret);
        env.put("AWS_MAX_ATTEMPTS", "1");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the AWS CLI did not finish within 60 s: " + output);
        }
        return new Result(process.exitValue(), output);
    }
}
