package dev.dynamotest.junit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.junit.DynamoSeed;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link DynamoSeed} file: an array of items for one table, an object of arrays by table name,
 * or the {@code RequestItems} of a BatchWriteItem request with {@code PutRequest}s.
 */
final class SeedFiles {

    private SeedFiles() {
    }

    static List<SeedDeclaration> read(DynamoSeed seed, Class<?> testClass) {
        String where = "@DynamoSeed \"" + seed.value() + "\" on " + testClass.getSimpleName();
        JsonNode root = DeclarationFiles.read(seed.value(), testClass, where);
        String region = seed.region().isBlank() ? null : seed.region();
        if (root.isObject() && root.has("RequestItems")) {
            root = root.get("RequestItems");
        }
        List<SeedDeclaration> seeds = new ArrayList<>();
        if (root.isArray()) {
            if (seed.table().isBlank()) {
                throw new MisuseException(where + ": the file holds an array of items but table is empty; "
                        + "name the table, or write the file as {\"TableName\": [items...]}");
            }
            seeds.add(new SeedDeclaration(region, seed.table(), items(root, seed, where), where));
        } else if (root.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> table = it.next();
                if (!seed.table().isBlank() && !seed.table().equals(table.getKey())) {
                    continue;
                }
                if (!table.getValue().isArray()) {
                    throw new MisuseException(where + ": the value of \"" + table.getKey() + "\" is not an array "
                            + "of items");
                }
                seeds.add(new SeedDeclaration(region, table.getKey(), items(table.getValue(), seed, where), where));
            }
        } else {
            throw new MisuseException(where + ": expected an array of items or an object of arrays by table name");
        }
        return seeds;
    }

    private static List<ObjectNode> items(JsonNode array, DynamoSeed seed, String where) {
        List<ObjectNode> items = new ArrayList<>();
        int index = 0;
        for (JsonNode node : array) {
            index++;
            JsonNode item = node.has("PutRequest") ? node.path("PutRequest").path("Item") : node;
            if (!item.isObject()) {
                throw new MisuseException(where + ": item " + index + " is not a JSON object: " + node);
            }
            items.add(ItemJson.item((ObjectNode) item, seed.format()));
        }
        return items;
    }
}
