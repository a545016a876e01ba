package dev.dynamotest.samples.spring;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import io.awspring.cloud.dynamodb.DynamoDbTemplate;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** The stream handler: confirms each new order (a Lambda function on the order table's stream in production). */
@Component
public class OrderConfirmations {

    private final DynamoDbTemplate template;

    public OrderConfirmations(DynamoDbTemplate template) {
        this.template = template;
    }

    public void handle(DynamodbEvent event) {
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            if ("INSERT".equals(record.getEventName())) {
                String id = record.getDynamodb().getKeys().get("id").getS();
                Order order = template.load(Key.builder().partitionValue(id).build(), Order.class);
                order.setConfirmed(true);
                template.save(order);
            }
        }
    }
}
