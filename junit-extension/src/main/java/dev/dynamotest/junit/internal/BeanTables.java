package dev.dynamotest.junit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTablesFromBeans;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import software.amazon.awssdk.enhanced.dynamodb.IndexMetadata;
import software.amazon.awssdk.enhanced.dynamodb.KeyAttributeMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Turns the classes of a {@link DynamoTablesFromBeans} into CreateTable requests, from their schemas. */
final class BeanTables {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BeanTables() {
    }

    static List<TableDeclaration> read(DynamoTablesFromBeans beans, Class<?> testClass) {
        List<TableDeclaration> tables = new ArrayList<>();
        for (Class<?> beanClass : beans.value()) {
            tables.add(read(beans, beanClass, testClass));
        }
        return tables;
    }

    private static TableDeclaration read(DynamoTablesFromBeans beans, Class<?> beanClass, Class<?> testClass) {
        String where = "@DynamoTablesFromBeans " + beanClass.getSimpleName() + " on " + testClass.getSimpleName();
        TableMetadata metadata;
        try {
            metadata = TableSchema.fromClass(beanClass).tableMetadata();
        } catch (RuntimeException e) {
            throw new MisuseException(where + ": the enhanced client cannot map the class (" + e.getMessage()
                    + "); annotate it with @DynamoDbBean or @DynamoDbImmutable", e);
        }
        String name = tableName(testClass, beanClass);
        Map<String, String> types = new LinkedHashMap<>();
        ObjectNode request = NODES.objectNode().put("TableName", name);
        ArrayNode keySchema = request.putArray("KeySchema");
        key(where, metadata, types, keySchema, "HASH", metadata.primaryPartitionKey());
        metadata.primarySortKey().ifPresent(sortKey -> key(where, metadata, types, keySchema, "RANGE", sortKey));
        request.put("BillingMode", "PAY_PER_REQUEST");
        ArrayNode globalIndexes = NODES.arrayNode();
        ArrayNode localIndexes = NODES.arrayNode();
        for (IndexMetadata index : metadata.indices()) {
            if (index.name().equals(TableMetadata.primaryIndexName())) {
                continue;
            }
            ObjectNode node = NODES.objectNode().put("IndexName", index.name());
            ArrayNode indexKeys = node.putArray("KeySchema");
            Optional<KeyAttributeMetadata> partitionKey = index.partitionKey();
            key(where, metadata, types, indexKeys, "HASH",
                    partitionKey.map(KeyAttributeMetadata::name).orElse(metadata.primaryPartitionKey()));
            index.sortKey().ifPresent(sortKey -> key(where, metadata, types, indexKeys, "RANGE", sortKey.name()));
            node.putObject("Projection").put("ProjectionType", "ALL");
            (partitionKey.isPresent() ? globalIndexes : localIndexes).add(node);
        }
        if (!globalIndexes.isEmpty()) {
            request.set("GlobalSecondaryIndexes", globalIndexes);
        }
        if (!localIndexes.isEmpty()) {
            request.set("LocalSecondaryIndexes", localIndexes);
        }
        ArrayNode definitions = request.putArray("AttributeDefinitions");
        types.forEach((attribute, type) -> definitions.addObject().put("AttributeName", attribute)
                .put("AttributeType", type));
        if (beans.stream() != DynamoTable.StreamView.NONE) {
            request.putObject("StreamSpecification").put("StreamEnabled", true)
                    .put("StreamViewType", beans.stream().name());
        }
        String region = beans.region().isBlank() ? null : beans.region();
        return new TableDeclaration(region, name, request, null, where + " (table " + name + ")");
    }

    private static String tableName(Class<?> testClass, Class<?> beanClass) {
        for (BeanTableNames names : ServiceLoader.load(BeanTableNames.class, BeanTables.class.getClassLoader())) {
            Optional<String> name = names.tableName(testClass, beanClass);
            if (name.isPresent()) {
                return name.get();
            }
        }
        return beanClass.getSimpleName();
    }

    private static void key(String where, TableMetadata metadata, Map<String, String> types, ArrayNode schema,
            String keyType, String attribute) {
        schema.addObject().put("AttributeName", attribute).put("KeyType", keyType);
        ScalarAttributeType type = metadata.scalarAttributeType(attribute)
                .orElseThrow(() -> new MisuseException(where + ": key attribute \"" + attribute
                        + "\" has no scalar type; a key is a string, a number or binary"));
        types.put(attribute, type.toString());
    }
}
