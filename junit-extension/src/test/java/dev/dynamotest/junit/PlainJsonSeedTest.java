package dev.dynamotest.junit;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static dev.dynamotest.junit.support.Fixtures.assertAllPassed;
import static dev.dynamotest.junit.support.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.assertions.Key;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Seed files and assertions read one JSON file alike: plain JSON as the SDK reads it, sets in DynamoDB JSON. */
class PlainJsonSeedTest {

    @Test
    void seeds_and_assertions_give_plain_json_and_dynamodb_json_one_meaning() {
        assertAllPassed(run(Seeded.class), 6);
    }

    static Map<String, AttributeValue> get(DynamoDbClient client, String pk) {
        return client.getItem(r -> r.tableName("Members").key(Map.of("pk", AttributeValue.fromS(pk)))).item();
    }

    /** The text of a class-path resource (a file, or an entry of the tests jar the compat modules run). */
    static String resource(String name) throws IOException {
        try (InputStream in = PlainJsonSeedTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @DynamoTest
    @DynamoTable(name = "Members", partitionKey = "pk")
    @DynamoSeed(value = "seeds/members-all-types.json", table = "Members")
    @DynamoSeed(value = "seeds/members-plain-forced.json", table = "Members", format = DynamoSeed.Format.PLAIN_JSON)
    static class Seeded {
        @Test
        void a_plain_json_item_reads_as_the_sdk_reads_it(DynamoDbClient client) {
            Map<String, AttributeValue> item = get(client, "M#1");
            assertThat(item.get("tags")).isEqualTo(AttributeValue.fromL(List.of(AttributeValue.fromS("vip"),
                    AttributeValue.fromS("early"))));
            assertThat(item.get("profile")).isEqualTo(AttributeValue.fromM(Map.of("name", AttributeValue.fromS("Ann"),
                    "visits", AttributeValue.fromN("3"))));
            assertThat(item.get("active")).isEqualTo(AttributeValue.fromBool(true));
            assertThat(item.get("note")).isEqualTo(AttributeValue.fromNul(true));
        }

        @Test
        void a_dynamodb_json_item_seeds_sets_and_binary_data(DynamoDbClient client) {
            Map<String, AttributeValue> item = get(client, "M#2");
            assertThat(item.get("tags").ss()).containsExactlyInAnyOrder("vip", "early");
            assertThat(item.get("scores").ns()).containsExactlyInAnyOrder("1", "2.5");
            assertThat(item.get("avatar").b()).isEqualTo(SdkBytes.fromByteArray(new byte[] {1, 2, 3}));
            assertThat(item.get("keys").bs()).containsExactlyInAnyOrder(SdkBytes.fromByteArray(new byte[] {1}),
                    SdkBytes.fromByteArray(new byte[] {2}));
        }

        @Test
        void plain_json_format_reads_a_look_alike_attribute_as_a_map(DynamoDbClient client) {
            assertThat(get(client, "M#3").get("label")).isEqualTo(AttributeValue.fromM(Map.of("S",
                    AttributeValue.fromS("not a type, a map with a key S"))));
        }

        @Test
        void assertions_read_the_seed_file_as_the_seed_did(Dynamo dynamo, DynamoDbClient client)
                throws IOException {
            assertThat(dynamo.table("Members")).containsItem(Key.of("pk", "M#1"));
            assertThat(dynamo.table("Members")).item(Key.of("pk", "M#2"))
                    .hasAttribute("tags", Set.of("early", "vip"))
                    .isEqualTo("""
                            {"pk": {"S": "M#2"}, "tags": {"SS": ["early", "vip"]}, "scores": {"NS": ["2.50", "1"]},
                             "avatar": {"B": "AQID"}, "keys": {"BS": ["Ag==", "AQ=="]}}""");
            assertThat(dynamo.table("Members")).item(Key.of("pk", "M#1")).hasAttribute("tags", List.of("vip", "early"));
            client.deleteItem(r -> r.tableName("Members").key(Map.of("pk", AttributeValue.fromS("M#3"))));
            assertThat(dynamo.table("Members")).matchesJson(resource("seeds/members-all-types.json"));
        }

        @Test
        void an_export_of_the_seeded_table_reads_as_the_seed_file(Dynamo dynamo, DynamoDbClient client)
                throws IOException {
            client.deleteItem(r -> r.tableName("Members").key(Map.of("pk", AttributeValue.fromS("M#3"))));
            client.updateContinuousBackups(r -> r.tableName("Members")
                    .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
            String tableArn = client.describeTable(r -> r.tableName("Members")).table().tableArn();
            String exportArn = client.exportTableToPointInTime(r -> r.tableArn(tableArn).s3Bucket("exports"))
                    .exportDescription().exportArn();

            assertThat(dynamo.s3().export(exportArn)).isCompleted().matchesJson(resource("seeds/members-all-types.json"));
        }

        @Test
        void a_plain_json_array_against_a_seeded_set_fails_saying_how_to_write_a_set(Dynamo dynamo) {
            assertThatThrownBy(() -> assertThat(dynamo.table("Members")).item(Key.of("pk", "M#2")).isEqualTo("""
                    {"pk": "M#2", "tags": ["early", "vip"]}""")).hasMessageContaining("""
                    "tags" is <<"early", "vip">> instead of ["early", "vip"] (a list (L) never equals a set (SS): \
                    a plain-JSON array and a Java List are lists; write a set as a java.util.Set, or write the whole \
                    item in DynamoDB JSON, where a set is {"SS": [...]})""");
        }
    }
}
