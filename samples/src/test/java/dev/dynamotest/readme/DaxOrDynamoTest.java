package dev.dynamotest.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

@DynamoTest
@DynamoTable(name = "Carts", partitionKey = "cartId")
class DaxOrDynamoTest {

    /** The application's code: it takes whichever DynamoDbClient production gives it, DAX or not. */
    record Carts(DynamoDbClient db) {

        void open(String cartId) {
            db.putItem(r -> r.tableName("Carts")
                    .item(Map.of("cartId", AttributeValue.fromS(cartId), "items", AttributeValue.fromN("0")))
                    .conditionExpression("attribute_not_exists(cartId)"));
        }

        Optional<Integer> items(String cartId) {
            var item = db.getItem(r -> r.tableName("Carts").key(Map.of("cartId", AttributeValue.fromS(cartId))))
                    .item();
            return item.isEmpty() ? Optional.empty() : Optional.of(Integer.valueOf(item.get("items").n()));
        }
    }

    @Test
    void against_dynamodb(DynamoDbClient client) {
        behaves_the_same(new Carts(client));
    }

    @Test
    void through_dax(Dynamo dynamo) {
        behaves_the_same(new Carts(dynamo.dax().client()));
    }

    static void behaves_the_same(Carts carts) {
        assertThat(carts.items("c-1")).isEmpty();
        carts.open("c-1");
        assertThat(carts.items("c-1")).contains(0);
        assertThatThrownBy(() -> carts.open("c-1"))           // the same SDK exception through DAX
                .isInstanceOf(ConditionalCheckFailedException.class);
    }
}
