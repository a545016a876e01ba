package dev.dynamotest.benchmarks;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The one item shape of the benchmark: a string key pair and about 150 bytes of attributes. */
final class Items {

    static final String PAYLOAD = "x".repeat(100);

    private Items() {
    }

    static Map<String, AttributeValue> item(String pk, String sk) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(pk));
        item.put("sk", s(sk));
        item.put("payload", s(PAYLOAD));
        item.put("n", AttributeValue.fromN("0"));
        item.put("state", s("NEW"));
        return item;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk));
    }

    /** A sort key that sorts as its number does: zero-padded to eight digits. */
    static String sortKey(long n) {
        return String.format("%08d", n);
    }

    static AttributeValue s(String text) {
        return AttributeValue.fromS(text);
    }
}
