package dev.dynamotest.core.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.model.AttributeValue;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ItemCollectionSizeTest {

    private static final String DESCRIPTION = """
            {"TableName": "Posts",
             "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                                      {"AttributeName": "sk", "AttributeType": "S"},
                                      {"AttributeName": "at", "AttributeType": "S"}],
             "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
             "LocalSecondaryIndexes": [{"IndexName": "byAt",
                 "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "at", "KeyType": "RANGE"}],
                 "Projection": {"ProjectionType": "KEYS_ONLY"}}],
             "GlobalSecondaryIndexes": [{"IndexName": "global",
                 "KeySchema": [{"AttributeName": "at", "KeyType": "HASH"}],
                 "Projection": {"ProjectionType": "ALL"}}]}
            """;

    private final H2Database db = H2Database.inMemory();
    private final ItemStore store = new ItemStore(db);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void sums_the_table_rows_and_local_index_rows_of_one_partition_only() throws Exception {
        TableMeta table = TableCatalog.fromDescription(7, "us-east-1",
                (ObjectNode) new ObjectMapper().readTree(DESCRIPTION));
        TableMeta other = TableCatalog.fromDescription(8, "us-east-1",
                (ObjectNode) new ObjectMapper().readTree(DESCRIPTION));
        IndexMeta local = table.index("byAt").orElseThrow();
        IndexMeta global = table.index("global").orElseThrow();
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.string("a"), "sk", AttributeValue.string("1"),
                "at", AttributeValue.string("a"));
        Map<String, AttributeValue> elsewhere = Map.of("pk", AttributeValue.string("b"),
                "sk", AttributeValue.string("1"));
        try (Connection c = db.connection()) {
            store.put(c, table, ItemStore.BASE, StoredKey.of(table, item), item, 100);
            store.put(c, table, local.name(), StoredKey.of(table, local, item), item, 30);
            store.put(c, table, global.name(), StoredKey.of(table, global, item), item, 1000);
            store.put(c, table, ItemStore.BASE, StoredKey.of(table, elsewhere), elsewhere, 10_000);
            store.put(c, other, ItemStore.BASE, StoredKey.of(other, item), item, 100_000);
        }

        assertThat(store.collectionSize(table, KeyCodec.encode(AttributeValue.string("a")))).isEqualTo(130);
        assertThat(store.collectionSize(table, KeyCodec.encode(AttributeValue.string("c")))).isZero();
    }
}
