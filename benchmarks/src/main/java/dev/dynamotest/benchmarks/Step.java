package dev.dynamotest.benchmarks;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** One timed call of the workload; it throws when the endpoint's answer is not what the call expects. */
@FunctionalInterface
interface Step {

    void run(DynamoDbClient client, Worker worker);
}
