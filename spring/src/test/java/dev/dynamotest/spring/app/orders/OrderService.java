package dev.dynamotest.spring.app.orders;

import io.awspring.cloud.dynamodb.DynamoDbTemplate;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** Places and finds orders through Spring Cloud AWS's template. */
@Service
public class OrderService {

    private final DynamoDbTemplate template;

    public OrderService(DynamoDbTemplate template) {
        this.template = template;
    }

    public void place(Order order) {
        order.setStatus("PLACED");
        template.save(order);
    }

    public Order find(String id) {
        return template.load(Key.builder().partitionValue(id).build(), Order.class);
    }
}
