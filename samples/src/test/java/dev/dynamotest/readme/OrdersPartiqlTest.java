package dev.dynamotest.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;

@DynamoTest
@DynamoTable(name = "Orders", partitionKey = "pk", sortKey = "sk")
class OrdersPartiqlTest {

    @Test
    void inserts_updates_and_selects(DynamoDbClient client) {
        client.executeStatement(r -> r.statement(
                "INSERT INTO \"Orders\" VALUE {'pk': 'A#1', 'sk': '1', 'status': 'NEW', 'total': 10}"));
        client.executeStatement(r -> r.statement(
                        "UPDATE \"Orders\" SET status = ?, total = total + 5 WHERE pk = ? AND sk = '1'")
                .parameters(AttributeValue.fromS("SHIPPED"), AttributeValue.fromS("A#1")));

        ExecuteStatementResponse response = client.executeStatement(r -> r
                .statement("SELECT status, total FROM \"Orders\" WHERE pk = ?")
                .parameters(List.of(AttributeValue.fromS("A#1"))));

        assertThat(response.items()).containsExactly(Map.of(
                "status", AttributeValue.fromS("SHIPPED"), "total", AttributeValue.fromN("15")));
    }
}
