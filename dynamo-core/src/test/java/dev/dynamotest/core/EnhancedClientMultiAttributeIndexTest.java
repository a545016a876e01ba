package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalEndpoint;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.Order;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.model.CreateTableEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * The SDK's enhanced client with a global secondary index whose keys have several attributes, declared with the
 * {@code order} of {@code @DynamoDbSecondaryPartitionKey} and {@code @DynamoDbSecondarySortKey}.
 */
class EnhancedClientMultiAttributeIndexTest {

    private static final String INDEX = "byTournamentRegion";

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbTable<Match> matches;

    /** A match of a tournament, indexed by tournament and region, then round and match number. */
    @DynamoDbBean
    public static class Match {
        private String id;
        private String tournament;
        private String region;
        private String round;
        private Integer number;

        public Match() {
        }

        Match(String id, String tournament, String region, String round, int number) {
            this.id = id;
            this.tournament = tournament;
            this.region = region;
            this.round = round;
            this.number = number;
        }

        @DynamoDbPartitionKey
        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        @DynamoDbSecondaryPartitionKey(indexNames = INDEX, order = Order.FIRST)
        public String getTournament() {
            return tournament;
        }

        public void setTournament(String tournament) {
            this.tournament = tournament;
        }

        @DynamoDbSecondaryPartitionKey(indexNames = INDEX, order = Order.SECOND)
        public String getRegion() {
            return region;
        }

        public void setRegion(String region) {
            this.region = region;
        }

        @DynamoDbSecondarySortKey(indexNames = INDEX, order = Order.FIRST)
        public String getRound() {
            return round;
        }

        public void setRound(String round) {
            this.round = round;
        }

        @DynamoDbSecondarySortKey(indexNames = INDEX, order = Order.SECOND)
        public Integer getNumber() {
            return number;
        }

        public void setNumber(Integer number) {
            this.number = number;
        }
    }

    @BeforeAll
    static void start() {
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(endpoint.client()).build();
        matches = enhanced.table("Matches", TableSchema.fromBean(Match.class));
        matches.createTable(CreateTableEnhancedRequest.builder()
                .globalSecondaryIndices(EnhancedGlobalSecondaryIndex.builder().indexName(INDEX)
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build())
                .build());
        int n = 0;
        for (String region : List.of("EU", "NA")) {
            for (String round : List.of("semi", "final", "quarter")) {
                for (int number : new int[] {10, 2, 1}) {
                    matches.putItem(new Match("m" + n++, "W24", region, round, number));
                }
            }
        }
    }

    @Test
    void the_table_the_enhanced_client_creates_has_the_index_keys_in_their_order() {
        var index = endpoint.client().describeTable(d -> d.tableName("Matches")).table().globalSecondaryIndexes()
                .get(0);

        assertThat(index.keySchema()).containsExactly(key("tournament", KeyType.HASH), key("region", KeyType.HASH),
                key("round", KeyType.RANGE), key("number", KeyType.RANGE));
    }

    @Test
    void queries_by_every_partition_key_value_and_a_prefix_of_the_sort_key_values() {
        DynamoDbIndex<Match> index = matches.index(INDEX);

        List<String> partition = keys(index, QueryConditional.keyEqualTo(k -> k.partitionValues(
                List.of(AttributeValue.fromS("W24"), AttributeValue.fromS("NA")))));
        List<String> semis = keys(index, QueryConditional.keyEqualTo(k -> k.partitionValues(
                List.of(AttributeValue.fromS("W24"), AttributeValue.fromS("EU")))
                .sortValues(List.of(AttributeValue.fromS("semi")))));
        List<String> later = keys(index, QueryConditional.sortGreaterThan(k -> k.partitionValues(
                List.of(AttributeValue.fromS("W24"), AttributeValue.fromS("EU")))
                .sortValues(List.of(AttributeValue.fromS("quarter"), AttributeValue.fromN("1")))));

        assertThat(partition).containsExactly("NA final 1", "NA final 2", "NA final 10", "NA quarter 1",
                "NA quarter 2", "NA quarter 10", "NA semi 1", "NA semi 2", "NA semi 10");
        assertThat(semis).containsExactly("EU semi 1", "EU semi 2", "EU semi 10");
        assertThat(later).containsExactly("EU quarter 2", "EU quarter 10");
    }

    private static List<String> keys(DynamoDbIndex<Match> index, QueryConditional conditional) {
        return index.query(r -> r.queryConditional(conditional)).stream().map(Page::items).flatMap(List::stream)
                .map(m -> m.getRegion() + " " + m.getRound() + " " + m.getNumber()).toList();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
