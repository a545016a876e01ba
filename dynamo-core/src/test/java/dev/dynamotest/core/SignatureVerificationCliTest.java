package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The signature check as other languages' users meet it: the AWS CLI (Python's botocore signer) against a server
 * started with {@link AccessKeys}. Skipped where no {@code aws} command is on the PATH.
 */
class SignatureVerificationCliTest {

    private static DynamoServer server;

    @BeforeAll
    static void start() {
        assumeTrue(onPath("aws"), "the AWS CLI is not on the PATH");
        server = DynamoServer.start(EngineConfig.defaults(), "127.0.0.1", 0, AccessKeys.of("AKIDCLI", "cli-secret"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void the_cli_signing_with_a_known_key_is_served() throws Exception {
        Result result = aws("AKIDCLI", "cli-secret", "list-tables");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("\"TableNames\": []");
    }

    @Test
    void the_cli_with_a_wrong_secret_gets_invalid_signature() throws Exception {
        Result result = aws("AKIDCLI", "not-the-secret", "list-tables");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("(InvalidSignatureException)",
                "The request signature we calculated does not match the signature you provided.");
    }

    @Test
    void the_cli_with_an_unknown_key_gets_unrecognized_client() throws Exception {
        Result result = aws("AKIDUNKNOWN", "cli-secret", "list-tables");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("(UnrecognizedClientException)",
                "The security token included in the request is invalid.");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result aws(String keyId, String secret, String operation) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "dynamodb", operation, "--endpoint-url",
                server.endpoint().toString(), "--region", "us-east-1", "--output", "json", "--cli-read-timeout",
                "10", "--cli-connect-timeout", "10"));
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

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return true;
            }
        }
        return false;
    }
}
