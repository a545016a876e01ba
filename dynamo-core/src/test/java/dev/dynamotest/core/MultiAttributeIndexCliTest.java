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
 * A global secondary index with multi-attribute keys as the AWS CLI (botocore) creates and queries it: the CLI
 * sends the key schema's several HASH and RANGE elements as given. Skipped where no {@code aws} command is on the
 * PATH.
 */
class MultiAttributeIndexCliTest {

    private static DynamoServer server;

    @BeforeAll
    static void start() {
        assumeTrue(onPath("aws"), "the AWS CLI is not on the PATH");
        server = DynamoServer.start(EngineConfig.defaults(), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void the_cli_creates_describes_and_queries_a_multi_attribute_index() throws Exception {
        Result created = aws("create-table", "--table-name", "Matches", "--billing-mode", "PAY_PER_REQUEST",
                "--attribute-definitions", "AttributeName=id,AttributeType=S",
                "AttributeName=tournament,AttributeType=S", "AttributeName=area,AttributeType=S",
                "AttributeName=matchNo,AttributeType=N",
                "--key-schema", "AttributeName=id,KeyType=HASH",
                "--global-secondary-indexes", """
                        [{"IndexName": "byTournamentArea", "KeySchema": [
                          {"AttributeName": "tournament", "KeyType": "HASH"},
                          {"AttributeName": "area", "KeyType": "HASH"},
                          {"AttributeName": "matchNo", "KeyType": "RANGE"}],
                          "Projection": {"ProjectionType": "ALL"}}]""");
        assertThat(created.exitCode()).as(created.output()).isZero();
        for (String number : List.of("3", "1", "2")) {
            Result put = aws("put-item", "--table-name", "Matches", "--item", "{\"id\": {\"S\": \"m" + number
                    + "\"}, \"tournament\": {\"S\": \"W24\"}, \"area\": {\"S\": \"EU\"}, \"matchNo\": {\"N\": \""
                    + number + "\"}}");
            assertThat(put.exitCode()).as(put.output()).isZero();
        }

        Result described = aws("describe-table", "--table-name", "Matches", "--query",
                "Table.GlobalSecondaryIndexes[0].KeySchema[].[AttributeName,KeyType]", "--output", "text");
        Result queried = aws("query", "--table-name", "Matches", "--index-name", "byTournamentArea",
                "--key-condition-expression", "tournament = :t AND area = :a AND matchNo >= :n",
                "--expression-attribute-values", "{\":t\": {\"S\": \"W24\"}, \":a\": {\"S\": \"EU\"}, "
                        + "\":n\": {\"N\": \"2\"}}", "--query", "Items[].id.S", "--output", "text");
        Result refused = aws("query", "--table-name", "Matches", "--index-name", "byTournamentArea",
                "--key-condition-expression", "tournament = :t",
                "--expression-attribute-values", "{\":t\": {\"S\": \"W24\"}}");

        assertThat(described.output().trim().split("\\s+")).as(described.output())
                .containsExactly("tournament", "HASH", "area", "HASH", "matchNo", "RANGE");
        assertThat(queried.output().trim().split("\\s+")).as(queried.output()).containsExactly("m2", "m3");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("(ValidationException)",
                "Query condition missed key schema element: area");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result aws(String operation, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "dynamodb", operation, "--endpoint-url",
                server.endpoint().toString(), "--region", "us-east-1", "--output", "json", "--cli-read-timeout",
                "10", "--cli-connect-timeout", "10"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.put("AWS_ACCESS_KEY_ID", "AKIDCLI");
        env.put("AWS_SECRET_ACCESS_KEY", "cli-secret");
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
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
