package dev.dynamotest.core;

import dev.dynamotest.core.support.LocalEndpoint;
import static dev.dynamotest.core.support.LocalEndpoint.assertError;
import static dev.dynamotest.core.support.LocalEndpoint.attribute;
import static dev.dynamotest.core.support.LocalEndpoint.key;

import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class TableSchemaValidationTest {

    private static final String INVALID = "One or more parameter values were invalid: ";
    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
    }

    private static void create(Consumer<CreateTableRequest.Builder> request) {
        client.createTable(b -> {
            b.tableName("Rejected").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"));
            request.accept(b);
        });
    }

    private static GlobalSecondaryIndex gsi(String name, String hash, Projection projection) {
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(key(hash, KeyType.HASH))
                .projection(projection).build();
    }

    private static Projection all() {
        return Projection.builder().projectionType(ProjectionType.ALL).build();
    }

    @Test
    void rejects_a_key_schema_without_a_leading_hash_key() {
        assertError(() -> create(b -> b.keySchema(key("pk", KeyType.RANGE))), "ValidationException",
                "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }

    @Test
    void rejects_two_hash_keys() {
        assertError(() -> create(b -> b.keySchema(key("pk", KeyType.HASH), key("sk", KeyType.HASH))
                        .attributeDefinitions(attribute("pk"), attribute("sk"))), "ValidationException",
                "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
    }

    @Test
    void rejects_hash_and_range_keys_of_the_same_name() {
        assertError(() -> create(b -> b.keySchema(key("pk", KeyType.HASH), key("pk", KeyType.RANGE))),
                "ValidationException",
                "Both the Hash Key and the Range Key element in the KeySchema have the same name");
    }

    @Test
    void rejects_a_key_schema_of_three_elements() {
        assertError(() -> create(b -> b.keySchema(key("a", KeyType.HASH), key("b", KeyType.RANGE),
                        key("c", KeyType.RANGE))), "ValidationException",
                "1 validation error detected: Value '[KeySchemaElement(attributeName=a, keyType=HASH), "
                        + "KeySchemaElement(attributeName=b, keyType=RANGE), KeySchemaElement(attributeName=c, "
                        + "keyType=RANGE)]' at 'keySchema' failed to satisfy constraint: Member must have length "
                        + "less than or equal to 2");
    }

    @Test
    void rejects_an_undefined_key_attribute() {
        assertError(() -> create(b -> b.attributeDefinitions(attribute("other"))), "ValidationException",
                INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: [pk], "
                        + "AttributeDefinitions: [other]");
    }

    @Test
    void rejects_an_unused_attribute_definition() {
        assertError(() -> create(b -> b.attributeDefinitions(attribute("pk"), attribute("extra"))),
                "ValidationException", INVALID + "Number of attributes in KeySchema does not exactly match number "
                        + "of attributes defined in AttributeDefinitions");
    }

    @Test
    void rejects_a_duplicated_attribute_definition() {
        assertError(() -> create(b -> b.attributeDefinitions(attribute("pk"), attribute("pk",
                ScalarAttributeType.N))), "ValidationException", "Attribute Name is duplicated: pk");
    }

    @Test
    void rejects_an_unknown_attribute_type() {
        assertError(() -> create(b -> b.attributeDefinitions(a -> a.attributeName("pk").attributeType("Q"))),
                "ValidationException", "1 validation error detected: Value 'Q' at "
                        + "'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must "
                        + "satisfy enum value set: [B, N, S]");
    }

    @Test
    void rejects_provisioned_billing_without_throughput() {
        assertError(() -> create(b -> b.billingMode(BillingMode.PROVISIONED)), "ValidationException",
                INVALID + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is "
                        + "PROVISIONED");
    }

    @Test
    void rejects_throughput_on_demand() {
        assertError(() -> create(b -> b.provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))),
                "ValidationException", INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be "
                        + "specified when BillingMode is PAY_PER_REQUEST");
    }

    @Test
    void rejects_zero_capacity_units() {
        assertError(() -> create(b -> b.billingMode(BillingMode.PROVISIONED)
                        .provisionedThroughput(p -> p.readCapacityUnits(0L).writeCapacityUnits(1L))),
                "ValidationException", "1 validation error detected: Value '0' at "
                        + "'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must have "
                        + "value greater than or equal to 1");
    }

    @Test
    void rejects_an_unknown_billing_mode_and_table_class() {
        assertError(() -> create(b -> b.billingMode("pay_per_request").tableClass("COLD")), "ValidationException",
                "2 validation errors detected: Value 'pay_per_request' at 'billingMode' failed to satisfy "
                        + "constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]; Value "
                        + "'COLD' at 'tableClass' failed to satisfy constraint: Member must satisfy enum value set: "
                        + "[STANDARD, STANDARD_INFREQUENT_ACCESS]");
    }

    @Test
    void rejects_a_local_index_on_a_table_without_sort_key() {
        assertError(() -> create(b -> b.attributeDefinitions(attribute("pk"), attribute("x"))
                        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("lsi")
                                .keySchema(key("pk", KeyType.HASH), key("x", KeyType.RANGE)).projection(all())
                                .build())), "ValidationException",
                INVALID + "Table KeySchema does not have a range key, which is required when specifying a "
                        + "LocalSecondaryIndex");
    }

    @Test
    void rejects_a_local_index_with_another_hash_key() {
        assertError(() -> create(b -> b.keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                        .attributeDefinitions(attribute("pk"), attribute("sk"), attribute("x"))
                        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("lsi")
                                .keySchema(key("x", KeyType.HASH), key("sk", KeyType.RANGE)).projection(all())
                                .build())), "ValidationException",
                INVALID + "Index KeySchema does not have the same leading hash key as table KeySchema for index: "
                        + "lsi. index hash key: x, table hash key: pk");
    }

    @Test
    void rejects_duplicate_index_names() {
        assertError(() -> create(b -> b.attributeDefinitions(attribute("pk"), attribute("x"))
                        .globalSecondaryIndexes(gsi("same", "x", all()), gsi("same", "pk", all()))),
                "ValidationException", INVALID + "Duplicate index name: same");
    }

    @Test
    void rejects_an_empty_list_of_global_indexes() {
        assertError(() -> create(b -> b.globalSecondaryIndexes(java.util.List.of())), "ValidationException",
                INVALID + "List of GlobalSecondaryIndexes is empty");
    }

    @Test
    void rejects_a_projection_without_type() {
        assertError(() -> create(b -> b.attributeDefinitions(attribute("pk"), attribute("x"))
                        .globalSecondaryIndexes(gsi("byX", "x", Projection.builder().build()))),
                "ValidationException", INVALID + "Unknown ProjectionType: null");
    }

    @Test
    void rejects_non_key_attributes_outside_include_projections() {
        assertError(() -> create(b -> b.attributeDefinitions(attribute("pk"), attribute("x"))
                        .globalSecondaryIndexes(gsi("byX", "x", Projection.builder()
                                .projectionType(ProjectionType.ALL).nonKeyAttributes("a").build()))),
                "ValidationException", INVALID + "ProjectionType is ALL, but NonKeyAttributes is specified");
        assertError(() -> create(b -> b.attributeDefinitions(attribute("pk"), attribute("x"))
                        .globalSecondaryIndexes(gsi("byX", "x", Projection.builder()
                                .projectionType(ProjectionType.INCLUDE).build()))),
                "ValidationException", INVALID + "ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
    }

    @Test
    void rejects_duplicate_non_key_attributes() {
        assertError(() -> create(b -> b.attributeDefinitions(attribute("pk"), attribute("x"))
                        .globalSecondaryIndexes(gsi("byX", "x", Projection.builder()
                                .projectionType(ProjectionType.INCLUDE).nonKeyAttributes("a", "a").build()))),
                "ValidationException", INVALID + "Duplicate element in NonKeyAttributes: a");
    }

    @Test
    void rejects_global_index_throughput_rules_per_billing_mode() {
        assertError(() -> create(b -> b.billingMode(BillingMode.PROVISIONED)
                        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))
                        .attributeDefinitions(attribute("pk"), attribute("x"))
                        .globalSecondaryIndexes(gsi("byX", "x", all()))),
                "ValidationException", INVALID + "ProvisionedThroughput is not specified for index: byX");
        assertError(() -> create(b -> b.attributeDefinitions(attribute("pk"), attribute("x"))
                        .globalSecondaryIndexes(gsi("byX", "x", all()).toBuilder()
                                .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)).build())),
                "ValidationException", INVALID + "ProvisionedThroughput should not be specified for index: byX "
                        + "when BillingMode is PAY_PER_REQUEST");
    }

    @Test
    void rejects_more_than_five_local_indexes() {
        LocalSecondaryIndex[] lsis = new LocalSecondaryIndex[6];
        for (int i = 0; i < lsis.length; i++) {
            lsis[i] = LocalSecondaryIndex.builder().indexName("lsi" + i)
                    .keySchema(key("pk", KeyType.HASH), key("x", KeyType.RANGE)).projection(all()).build();
        }
        assertError(() -> create(b -> b.keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                        .attributeDefinitions(attribute("pk"), attribute("sk"), attribute("x"))
                        .localSecondaryIndexes(lsis)), "ValidationException",
                INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of 5");
    }

    @Test
    void rejects_on_demand_limits_on_a_provisioned_table() {
        assertError(() -> create(b -> b.billingMode(BillingMode.PROVISIONED)
                        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))
                        .onDemandThroughput(o -> o.maxReadRequestUnits(10L))), "ValidationException",
                INVALID + "MaxReadRequestUnits for OnDemandThroughput cannot be specified when the table "
                        + "BillingMode is PROVISIONED");
    }

    @Test
    void rejects_an_enabled_stream_without_view_type() {
        assertError(() -> create(b -> b.streamSpecification(s -> s.streamEnabled(true))), "ValidationException",
                INVALID + "Table is being created with a stream enabled, UpdateViewType is required");
    }

    @Test
    void rejects_a_disabled_encryption_with_a_type() {
        assertError(() -> create(b -> b.sseSpecification(s -> s.enabled(false).sseType("KMS"))),
                "ValidationException", INVALID + "SSEType can not be specified if Enabled is false");
    }

    @Test
    void leaves_no_table_behind_after_a_rejected_creation() {
        assertError(() -> create(b -> b.tags(t -> t.key("aws:reserved").value("v"))), "ValidationException",
                "Tag Key cannot be prefixed with aws:, Key: aws:reserved");
        assertError(() -> client.describeTable(r -> r.tableName("Rejected")), "ResourceNotFoundException",
                "Requested resource not found: Table: Rejected not found");
    }
}
