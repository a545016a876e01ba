package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.support.ServerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.h2.mvstore.DataUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The standalone endpoint's {@code --db} file: closed on a clean stop, and refused in one line when H2 cannot open it. */
class DatabaseFileTest {

    private static final int BLOCK = 4096;

    @TempDir
    Path dir;

    @Test
    void sigterm_stops_the_server_promptly_and_closes_the_file_with_the_data_in_it() throws Exception {
        String db = dir.resolve("data").toString();
        try (ServerProcess server = ServerProcess.start("--port", "0", "--db", db)) {
            try (DynamoDbClient client = server.client()) {
                createTable(client);
                client.putItem(r -> r.tableName("Kept").item(Map.of("pk", AttributeValue.fromS("a"))));
            }

            long start = System.nanoTime();
            int exitCode = server.terminate(Duration.ofSeconds(20));

            assertThat(exitCode).as("exit code (128 + SIGTERM)").isEqualTo(143);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(server.stderr()).isEmpty();
        }
        assertThat(storeHeader(dir.resolve("data.mv.db"))).as("H2's mark of a closed file").contains(",clean:1,");
        try (ServerProcess server = ServerProcess.start("--port", "0", "--db", db);
                DynamoDbClient client = server.client()) {
            assertThat(client.getItem(r -> r.tableName("Kept").key(Map.of("pk", AttributeValue.fromS("a"))))
                    .item()).containsEntry("pk", AttributeValue.fromS("a"));
        }
    }

    @Test
    void ctrl_c_stops_the_server_promptly_and_closes_the_file() throws Exception {
        String db = dir.resolve("data").toString();
        try (ServerProcess server = ServerProcess.start("--port", "0", "--db", db)) {
            try (DynamoDbClient client = server.client()) {
                createTable(client);
            }

            int exitCode = server.interrupt(Duration.ofSeconds(10));

            assertThat(exitCode).as("exit code (128 + SIGINT)").isEqualTo(130);
            assertThat(server.stderr()).isEmpty();
        }
        assertThat(storeHeader(dir.resolve("data.mv.db"))).as("H2's mark of a closed file").contains(",clean:1,");
    }

    @Test
    void a_file_that_another_server_has_open_is_refused_in_one_line() throws Exception {
        String db = dir.resolve("data").toString();
        try (ServerProcess first = ServerProcess.start("--port", "0", "--db", db)) {
            ServerProcess second = ServerProcess.run("--port", "0", "--db", db);

            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.stdout()).isEmpty();
            assertThat(second.stderr()).singleElement().asString().startsWith("cannot start: cannot open the database "
                    + "file " + dir.resolve("data.mv.db") + ": another process has it open (is a second server "
                    + "running on it?) (The file is locked");
        }
    }

    @Test
    void a_damaged_file_is_refused_in_one_line() throws Exception {
        byte[] garbage = new byte[3 * BLOCK];
        new Random(18).nextBytes(garbage);
        Files.write(dir.resolve("data.mv.db"), garbage);

        ServerProcess server = ServerProcess.run("--port", "0", "--db", dir.resolve("data").toString());

        assertThat(server.exitCode()).isEqualTo(1);
        assertThat(server.stderr()).singleElement().asString().startsWith("cannot start: cannot open the database "
                + "file " + dir.resolve("data.mv.db") + ": it is damaged, or is not an H2 database file (");
    }

    @Test
    void a_file_in_a_format_this_h2_cannot_read_is_refused_with_a_reason() throws Exception {
        EngineConfig config = EngineConfig.builder().databasePath(dir.resolve("data")).build();
        DynamoEngine.create(config).close();
        Path file = dir.resolve("data.mv.db");
        setStoreFormat(file, 4);

        assertThatThrownBy(() -> DynamoEngine.create(config)).hasMessageStartingWith("cannot open the database file "
                + file + ": it is in a format that H2 " + org.h2.engine.Constants.VERSION
                + " cannot read (written by another H2 version?) (");
    }

    private static void createTable(DynamoDbClient client) {
        client.createTable(r -> r.tableName("Kept").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
    }

    /** The store header of an H2 MVStore file: a line of {@code key:value} pairs at the start of the file. */
    private static String storeHeader(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        String block = new String(bytes, 0, BLOCK, StandardCharsets.ISO_8859_1);
        return block.substring(0, block.indexOf('\n'));
    }

    /** Rewrites both copies of the store header (blocks 0 and 1) with another format number and a valid checksum. */
    private static void setStoreFormat(Path file, int format) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        for (int offset = 0; offset < 2 * BLOCK; offset += BLOCK) {
            String block = new String(bytes, offset, BLOCK, StandardCharsets.ISO_8859_1);
            String header = block.substring(0, block.indexOf('\n'));
            String fields = header.substring(0, header.lastIndexOf(",fletcher:")).replaceFirst(",format:\\d+",
                    ",format:" + format);
            byte[] checked = fields.getBytes(StandardCharsets.ISO_8859_1);
            String rewritten = fields + ",fletcher:" + Integer.toHexString(
                    DataUtils.getFletcher32(checked, 0, checked.length)) + "\n";
            java.util.Arrays.fill(bytes, offset, offset + BLOCK, (byte) 0);
            byte[] text = rewritten.getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(text, 0, bytes, offset, text.length);
        }
        Files.write(file, bytes);
    }
}
