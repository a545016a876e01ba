package dev.dynamotest.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.junit.DynamoTablesFrom;
import dev.dynamotest.junit.DynamoTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;

@DynamoTest
@DynamoTablesFrom(value = "infra/stages.yaml", parameters = "Stage=prod")
class ProdTablesTest {

    @Test
    void prod_keeps_point_in_time_recovery_and_an_audit_table(DynamoDbClient client) {
        assertThat(client.listTables().tableNames()).containsExactly("audit-prod", "orders-prod");
        assertThat(client.describeContinuousBackups(r -> r.tableName("orders-prod"))
                .continuousBackupsDescription().pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
                .isEqualTo(PointInTimeRecoveryStatus.ENABLED);
    }
}
