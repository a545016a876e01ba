package dev.dynamotest.readme;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;

import dev.dynamotest.assertions.Key;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoSeed;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

@DynamoTest
@DynamoTable(name = "Members", partitionKey = "pk")
@DynamoSeed(value = "seeds/members.json", table = "Members")
class MembersTest {

    @Test
    void sets_compare_in_any_order_and_lists_in_order(Dynamo dynamo) {
        assertThat(dynamo.table("Members")).item(Key.of("pk", "M#2"))
                .hasAttribute("tags", Set.of("early", "vip"))
                .isEqualTo("""
                        {"pk": {"S": "M#2"}, "tags": {"SS": ["early", "vip"]}, "avatar": {"B": "AQID"}}""");
        assertThat(dynamo.table("Members")).item(Key.of("pk", "M#1"))
                .hasAttribute("visits", List.of(3, 5))
                .isEqualTo("""
                        {"pk": "M#1", "visits": [3, 5], "profile": {"name": "Ann"}, "active": true}""");
    }
}
