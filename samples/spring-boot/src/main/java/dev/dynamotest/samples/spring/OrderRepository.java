package dev.dynamotest.samples.spring;

import io.awspring.cloud.dynamodb.DynamoDbTableNameResolver;
import io.awspring.cloud.dynamodb.DynamoDbTemplate;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Orders in DynamoDB through Spring Cloud AWS's template: writes are retried while DynamoDB throttles them, reads fall
 * back to the replica in the failover region when the home region fails.
 */
@Repository
public class OrderRepository {

    private final DynamoDbTemplate template;
    private final ThrottlingRetry retry;
    private final DynamoDbTable<Order> failoverTable;

    public OrderRepository(DynamoDbTemplate template, ThrottlingRetry retry, FailoverClient failover,
            DynamoDbTableNameResolver names) {
        this.template = template;
        this.retry = retry;
        this.failoverTable = failover.enhancedClient()
                .table(names.resolve(Order.class), TableSchema.fromBean(Order.class));
    }

    public void save(Order order) {
        retry.run(() -> template.save(order));
    }

    public Order find(String id) {
        Key key = Key.builder().partitionValue(id).build();
        try {
            return template.load(key, Order.class);
        } catch (SdkException homeRegionFailed) {
            return failoverTable.getItem(key);
        }
    }
}
