package dev.dynamotest.samples.orders;

import java.math.BigDecimal;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An order as the sample application stores it: an id, the customer who placed it, and its total. */
public record Order(String id, String customer, BigDecimal total) {

    Map<String, AttributeValue> toItem() {
        return Map.of("id", AttributeValue.fromS(id), "customer", AttributeValue.fromS(customer),
                "total", AttributeValue.fromN(total.toPlainString()));
    }

    static Order fromItem(Map<String, AttributeValue> item) {
        return new Order(item.get("id").s(), item.get("customer").s(), new BigDecimal(item.get("total").n()));
    }

    static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }
}
