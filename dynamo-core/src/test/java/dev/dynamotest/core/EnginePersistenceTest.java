package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnginePersistenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text);
    }

    @Test
    void a_file_database_keeps_tables_and_items_across_a_restart(@TempDir Path dir) throws Exception {
        EngineConfig config = EngineConfig.builder().databasePath(dir.resolve("data")).build();
        try (DynamoEngine engine = DynamoEngine.create(config)) {
            engine.execute("us-east-1", "CreateTable", json("""
                    {"TableName": "Kept", "BillingMode": "PAY_PER_REQUEST",
                     "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                     "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]}"""));
            engine.execute("us-east-1", "PutItem", json("""
                    {"TableName": "Kept", "Item": {"pk": {"S": "a"}, "v": {"N": "7"}}}"""));
        }

        try (DynamoEngine engine = DynamoEngine.create(config)) {
            ObjectNode item = engine.execute("us-east-1", "GetItem", json("""
                    {"TableName": "Kept", "Key": {"pk": {"S": "a"}}}"""));
            assertThat(item.path("Item").path("v").path("N").asText()).isEqualTo("7");
            engine.execute("us-east-1", "CreateTable", json("""
                    {"TableName": "Second", "BillingMode": "PAY_PER_REQUEST",
                     "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                     "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]}"""));
            assertThat(engine.execute("us-east-1", "ListTables", json("{}")).path("TableNames").toString())
                    .isEqualTo("[\"Kept\",\"Second\"]");
        }
    }

    /** 3,000 writes of 300 bytes each: without H2's space reuse and compaction the file grew by 5 to 25 KB a write. */
    @Test
    void a_file_database_stays_small_while_the_same_items_are_written_again_and_again(@TempDir Path dir)
            throws Exception {
        EngineConfig config = EngineConfig.builder().databasePath(dir.resolve("data")).build();
        long largest = 0;
        try (DynamoEngine engine = DynamoEngine.create(config)) {
            engine.execute("us-east-1", "CreateTable", json("""
                    {"TableName": "Rewritten", "BillingMode": "PAY_PER_REQUEST",
                     "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                     "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]}"""));
            for (int i = 0; i < 3000; i++) {
                engine.execute("us-east-1", "PutItem", json("""
                        {"TableName": "Rewritten", "Item": {"pk": {"S": "k%d"}, "v": {"N": "%d"}, "pad": {"S": "%s"}}}"""
                        .formatted(i % 100, i, "x".repeat(200))));
                if (i % 100 == 0) {
                    largest = Math.max(largest, java.nio.file.Files.size(dir.resolve("data.mv.db")));
                }
            }
        }
        assertThat(largest).as("largest size of the file, in bytes").isLessThan(8L << 20);
    }

    @Test
    void an_in_memory_engine_starts_empty() throws Exception {
        try (DynamoEngine engine = DynamoEngine.create()) {
            assertThat(engine.execute("us-east-1", "ListTables", json("{}")).path("TableNames")).isEmpty();
        }
    }
}
