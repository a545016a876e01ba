package dev.dynamotest.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.junit.DynamoTablesFrom;
import dev.dynamotest.junit.DynamoTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;

/** The README's CloudFormation example without parameters: the template's default stage, dev. */
@DynamoTest
@DynamoTablesFrom("infra/stages.yaml")
class DevTablesTest {

    @Test
    void dev_has_the_orders_table_alone_without_stream_or_point_in_time_recovery(DynamoDbClient client) {
        assertThat(client.listTables().tableNames()).containsExactly("orders-dev");
        assertThat(client.describeTable(r -> r.tableName("orders-dev")).table().streamSpecification()).isNull();
        assertThat(client.describeContinuousBackups(r -> r.tableName("orders-dev"))
                .continuousBackupsDescription().pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
                .isEqualTo(PointInTimeRecoveryStatus.DISABLED);
    }
}
