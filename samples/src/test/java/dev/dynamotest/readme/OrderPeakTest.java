package dev.dynamotest.readme;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static dev.dynamotest.readme.OrderImport.orders;

import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@DynamoTest
@DynamoTable(name = "Orders", partitionKey = "pk", readCapacity = 5, writeCapacity = 5)
class OrderPeakTest {
    @Test
    void the_table_grows_with_the_peak(Dynamo dynamo, DynamoDbClient client) {
        var scaling = ApplicationAutoScalingClient.builder().endpointOverride(dynamo.endpoint())
                .region(dynamo.region())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
        scaling.registerScalableTarget(r -> r.serviceNamespace("dynamodb").resourceId("table/Orders")
                .scalableDimension("dynamodb:table:WriteCapacityUnits").minCapacity(5).maxCapacity(100));
        scaling.putScalingPolicy(r -> r.policyName("writes").serviceNamespace("dynamodb")
                .resourceId("table/Orders").scalableDimension("dynamodb:table:WriteCapacityUnits")
                .policyType("TargetTrackingScaling")
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(50.0)
                        .predefinedMetricSpecification(m -> m.predefinedMetricType("DynamoDBWriteCapacityUtilization"))));
        dynamo.clock().freeze();
        for (int minute = 0; minute < 2; minute++) {
            new OrderImport(client).run(orders(3, 100));   // 300 write units in this minute: 5 a second, 100%
            dynamo.clock().advance(Duration.ofMinutes(1));
        }
        assertThat(client.describeTable(r -> r.tableName("Orders")).table().provisionedThroughput()
                .writeCapacityUnits()).isEqualTo(10L);  // 5 units a second at 50%
    }
}
