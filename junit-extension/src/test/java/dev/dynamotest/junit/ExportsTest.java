package dev.dynamotest.junit;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.assertions.Key;
import dev.dynamotest.core.s3.ObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoTable(name = "Orders", partitionKey = "pk")
class ExportsTest {

    static final Path S3_ROOT = Path.of("target", "exports-test-" + UUID.randomUUID());

    @RegisterExtension
    static DynamoExtension extension = DynamoExtension.builder()
            .engine(e -> e.objectStore(ObjectStore.directory(S3_ROOT))).build();

    @Test
    void an_export_lands_in_the_chosen_folder_and_reads_back_for_assertions(DynamoDbClient client, Dynamo dynamo) {
        client.updateContinuousBackups(r -> r.tableName("Orders")
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
        client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("A#1"),
                "total", AttributeValue.fromN("12.5"))));
        client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("A#2"))));
        String tableArn = client.describeTable(r -> r.tableName("Orders")).table().tableArn();

        String exportArn = client.exportTableToPointInTime(r -> r.tableArn(tableArn).s3Bucket("backups"))
                .exportDescription().exportArn();

        assertThat(dynamo.s3().export(exportArn))
                .isCompleted()
                .hasItemCount(2)
                .containsItem(Key.of("pk", "A#1"))
                .containsExactlyItems(Map.of("pk", "A#1", "total", 12.5), Map.of("pk", "A#2"));
        String manifest = exportArn.substring(exportArn.lastIndexOf('/') + 1);
        assertThat(Files.isRegularFile(S3_ROOT.resolve("backups/AWSDynamoDB/" + manifest + "/manifest-summary.json")))
                .isTrue();
        assertThat(dynamo.s3().keys("backups", "AWSDynamoDB/" + manifest + "/data/")).hasSize(1);
    }
}
