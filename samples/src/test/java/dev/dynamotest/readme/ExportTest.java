package dev.dynamotest.readme;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;

import dev.dynamotest.assertions.Key;
import dev.dynamotest.core.s3.ObjectStore;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoExtension;
import dev.dynamotest.junit.DynamoSeed;
import dev.dynamotest.junit.DynamoTable;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@DynamoTable(name = "Orders", partitionKey = "pk")
@DynamoSeed(value = "seeds/two-orders.json", table = "Orders")
class ExportTest {

    // begin export
    @RegisterExtension
    static DynamoExtension dynamo = DynamoExtension.builder()
            .engine(e -> e.objectStore(ObjectStore.directory(Path.of("target/s3")))).build();

    @Test
    void exports_the_orders(DynamoDbClient client, Dynamo dynamo) {
        String ordersArn = client.describeTable(r -> r.tableName("Orders")).table().tableArn();
        client.updateContinuousBackups(r -> r.tableName("Orders")
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
        String exportArn = client.exportTableToPointInTime(r -> r.tableArn(ordersArn).s3Bucket("exports"))
                .exportDescription().exportArn();

        assertThat(dynamo.s3().export(exportArn)).isCompleted().hasItemCount(2).containsItem(Key.of("pk", "A#1"));
    }
    // end export
}
