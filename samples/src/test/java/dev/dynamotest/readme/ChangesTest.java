package dev.dynamotest.readme;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;

import dev.dynamotest.assertions.Key;
import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.changes.ChangeHistory;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.ScalarType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoTest
@DynamoTable(name = "Orders", partitionKey = "pk", sortKey = "sk", sortKeyType = ScalarType.N)
@DynamoTable(name = "Locks", partitionKey = "id")
class ChangesTest {

    /** The code under test: ships an order under a lock item that it takes and gives back. */
    record ShippingService(DynamoDbClient client) {
        void ship(String order) {
            Map<String, AttributeValue> lock = Map.of("id", AttributeValue.fromS("C#1"));
            client.putItem(r -> r.tableName("Locks").item(lock));
            client.updateItem(r -> r.tableName("Orders")
                    .key(Map.of("pk", AttributeValue.fromS(order), "sk", AttributeValue.fromN("1")))
                    .updateExpression("SET #s = :s").expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("SHIPPED"))));
            client.deleteItem(r -> r.tableName("Locks").key(lock));
        }
    }

    @Test
    void ships_the_order_under_a_lock(Dynamo dynamo, DynamoDbClient client) {
        DynamoEngine engine = dynamo.engine();
        ShippingService service = new ShippingService(client);
        client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("A#1"),
                "sk", AttributeValue.fromN("1"), "status", AttributeValue.fromS("NEW"))));
        // begin changes
        ChangeHistory changes = engine.changes().fromNow();
        service.ship("A#1");
        assertThat(changes).onTable("Orders").hasSize(1)
            .containsModificationOf(Key.of("pk", "A#1", "sk", 1))
            .hasOldValue("status", "NEW").hasNewValue("status", "SHIPPED");
        assertThat(changes).inOrder()            // each change after the one matched before it
            .containsInsertOf(Key.of("id", "C#1"))
            .containsRemovalOf(Key.of("id", "C#1"));
        // end changes
    }
}
