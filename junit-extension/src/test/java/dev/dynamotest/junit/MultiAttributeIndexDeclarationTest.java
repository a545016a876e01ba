package dev.dynamotest.junit;

import static dev.dynamotest.junit.support.Fixtures.assertAllPassed;
import static dev.dynamotest.junit.support.Fixtures.failures;
import static dev.dynamotest.junit.support.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Global secondary indexes with multi-attribute keys declared the three ways the extension reads tables:
 * {@code @DynamoIndex} arrays, CLI-JSON table files and CloudFormation templates; and the misuse of the arrays.
 */
class MultiAttributeIndexDeclarationTest {

    private static final List<KeySchemaElement> MATCH_KEYS = List.of(key("tournamentId", KeyType.HASH),
            key("region", KeyType.HASH), key("round", KeyType.RANGE), key("matchNo", KeyType.RANGE));

    @Test
    void declares_multi_attribute_index_keys_with_annotation_arrays() {
        assertAllPassed(run(Annotated.class), 1);
    }

    @Test
    void declares_multi_attribute_index_keys_in_a_cli_json_table_file() {
        assertAllPassed(run(FromCliJson.class), 1);
    }

    @Test
    void declares_multi_attribute_index_keys_in_a_cloudformation_template() {
        assertAllPassed(run(FromTemplate.class), 1);
    }

    @Test
    void refuses_types_that_do_not_match_the_attributes_one_to_one() {
        assertThat(message(TypesMismatch.class)).isEqualTo("@DynamoIndex \"byTeam\" of @DynamoTable \"Staff\" on "
                + "TypesMismatch: sortKeyType has 1 type for 2 sortKey attributes; give one type per attribute, "
                + "in the same order");
    }

    @Test
    void refuses_more_than_four_partition_key_attributes() {
        assertThat(message(TooManyPartitionKeys.class)).isEqualTo("@DynamoIndex \"wide\" of @DynamoTable \"Staff\" "
                + "on TooManyPartitionKeys: partitionKey has 5 attributes; a global index has at most 4");
    }

    @Test
    void refuses_a_local_index_with_several_sort_key_attributes() {
        assertThat(message(LocalWithTwoSortKeys.class)).isEqualTo("@DynamoIndex \"byTeam\" of @DynamoTable \"Staff\" "
                + "on LocalWithTwoSortKeys: sortKey has 2 attributes; a local index has one");
    }

    private static String message(Class<?> fixture) {
        List<Throwable> failures = failures(run(fixture));
        assertThat(failures).isNotEmpty();
        return failures.get(0).getMessage();
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    static GlobalSecondaryIndexDescription index(DynamoDbClient client, String table) {
        return client.describeTable(r -> r.tableName(table)).table().globalSecondaryIndexes().get(0);
    }

    static void assertQueryable(DynamoDbClient client, String table) {
        client.putItem(p -> p.tableName(table).item(Map.of("matchId", AttributeValue.fromS("m1"),
                "tournamentId", AttributeValue.fromS("W24"), "region", AttributeValue.fromS("EU"),
                "round", AttributeValue.fromS("semi"), "matchNo", AttributeValue.fromN("2"))));
        var response = client.query(q -> q.tableName(table).indexName("byTournamentRegion")
                .keyConditionExpression("tournamentId = :t AND #r = :r AND #round = :round AND matchNo > :n")
                .expressionAttributeNames(Map.of("#r", "region", "#round", "round"))
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("W24"), ":r", AttributeValue.fromS("EU"),
                        ":round", AttributeValue.fromS("semi"), ":n", AttributeValue.fromN("1"))));
        assertThat(response.items()).extracting(i -> i.get("matchId").s()).containsExactly("m1");
    }

    @DynamoTest
    @DynamoTable(name = "Matches", partitionKey = "matchId", globalIndexes = {
            @DynamoIndex(name = "byTournamentRegion", partitionKey = {"tournamentId", "region"},
                    sortKey = {"round", "matchNo"}, sortKeyType = {ScalarType.S, ScalarType.N}),
            @DynamoIndex(name = "byPlayer", partitionKey = "player", sortKey = "matchNo"),
            @DynamoIndex(name = "byRegion", partitionKey = "region", partitionKeyType = ScalarType.UNSET, sortKey = "",
                    sortKeyType = ScalarType.UNSET)})
    static class Annotated {
        @Test
        void index_keys_in_order(DynamoDbClient client) {
            var table = client.describeTable(r -> r.tableName("Matches")).table();
            assertThat(table.globalSecondaryIndexes().get(0).keySchema()).containsExactlyElementsOf(MATCH_KEYS);
            assertThat(table.globalSecondaryIndexes().get(1).keySchema())
                    .containsExactly(key("player", KeyType.HASH), key("matchNo", KeyType.RANGE));
            assertThat(table.globalSecondaryIndexes().get(2).keySchema()).containsExactly(key("region", KeyType.HASH));
            assertThat(table.attributeDefinitions()).contains(AttributeDefinition.builder().attributeName("matchNo")
                    .attributeType(ScalarAttributeType.N).build());
            assertQueryable(client, "Matches");
        }
    }

    @DynamoTest
    @DynamoTablesFrom("tables/matches-cli.json")
    static class FromCliJson {
        @Test
        void index_keys_in_order(DynamoDbClient client) {
            assertThat(index(client, "MatchesFromCli").keySchema()).containsExactlyElementsOf(MATCH_KEYS);
            assertQueryable(client, "MatchesFromCli");
        }
    }

    @DynamoTest
    @DynamoTablesFrom("cloudformation/multi-attribute-index.yaml")
    static class FromTemplate {
        @Test
        void index_keys_in_order(DynamoDbClient client) {
            GlobalSecondaryIndexDescription index = index(client, "MatchesFromTemplate");
            assertThat(index.keySchema()).containsExactlyElementsOf(MATCH_KEYS);
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
            assertQueryable(client, "MatchesFromTemplate");
        }
    }

    @DynamoTest
    @DynamoTable(name = "Staff", partitionKey = "id", globalIndexes = @DynamoIndex(name = "byTeam",
            partitionKey = "org", sortKey = {"team", "joined"}, sortKeyType = ScalarType.N))
    static class TypesMismatch {
        @Test
        void test() {
        }
    }

    @DynamoTest
    @DynamoTable(name = "Staff", partitionKey = "id", globalIndexes = @DynamoIndex(name = "wide",
            partitionKey = {"a", "b", "c", "d", "e"}))
    static class TooManyPartitionKeys {
        @Test
        void test() {
        }
    }

    @DynamoTest
    @DynamoTable(name = "Staff", partitionKey = "id", sortKey = "at", localIndexes = @DynamoIndex(name = "byTeam",
            sortKey = {"team", "joined"}))
    static class LocalWithTwoSortKeys {
        @Test
        void test() {
        }
    }
}
