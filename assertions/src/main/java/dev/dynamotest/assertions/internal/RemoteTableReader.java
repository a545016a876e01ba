package dev.dynamotest.assertions.internal;

import dev.dynamotest.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Reads a table through an SDK client, with DescribeTable, consistent GetItem and Scan. The key schema is read
 * once, as a table's key schema never changes.
 */
public final class RemoteTableReader implements TableReader {

    private final DynamoDbClient client;
    private final String name;
    private List<String> keyNames;

    public RemoteTableReader(DynamoDbClient client, String name) {
        this.client = client;
        this.name = name;
    }

    private TableDescription describe() {
        return client.describeTable(b -> b.tableName(name)).table();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String region() {
        return client.serviceClientConfiguration().region().id();
    }

    @Override
    public List<String> keyNames() {
        if (keyNames == null) {
            keyNames = readKeyNames();
        }
        return keyNames;
    }

    private List<String> readKeyNames() {
        List<KeySchemaElement> schema = describe().keySchema();
        List<String> names = new ArrayList<>();
        schema.stream().filter(k -> k.keyType() == KeyType.HASH).forEach(k -> names.add(k.attributeName()));
        schema.stream().filter(k -> k.keyType() == KeyType.RANGE).forEach(k -> names.add(k.attributeName()));
        return List.copyOf(names);
    }

    @Override
    public List<String> indexNames() {
        TableDescription table = describe();
        List<String> names = new ArrayList<>();
        table.localSecondaryIndexes().forEach(i -> names.add(i.indexName()));
        table.globalSecondaryIndexes().forEach(i -> names.add(i.indexName()));
        return names;
    }

    @Override
    public long itemCount() {
        return client.scanPaginator(b -> b.tableName(name).consistentRead(true).select("COUNT")).stream()
                .mapToLong(page -> page.count()).sum();
    }

    @Override
    public Optional<Map<String, AttributeValue>> item(Map<String, AttributeValue> key) {
        var response = client.getItem(b -> b.tableName(name).key(SdkValues.toSdk(key)).consistentRead(true));
        return response.hasItem() ? Optional.of(SdkValues.toCore(response.item())) : Optional.empty();
    }

    @Override
    public List<Map<String, AttributeValue>> items() {
        return scan(ScanRequest.builder().tableName(name).consistentRead(true).build());
    }

    @Override
    public List<Map<String, AttributeValue>> indexItems(String indexName) {
        if (!indexNames().contains(indexName)) {
            throw new IllegalArgumentException("table " + name + " has no index " + indexName + "; it has "
                    + indexNames());
        }
        return scan(ScanRequest.builder().tableName(name).indexName(indexName).build());
    }

    private List<Map<String, AttributeValue>> scan(ScanRequest request) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        client.scanPaginator(request).items().forEach(item -> items.add(SdkValues.toCore(item)));
        return items;
    }
}
