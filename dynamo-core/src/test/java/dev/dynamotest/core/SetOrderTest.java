package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The order of set elements in responses: sorted as DynamoDB Local sorts them by default (strings and binaries by
 * their unsigned bytes, numbers by value), or shuffled anew in every response with {@link SetOrder#SHUFFLED}.
 */
class SetOrderTest {

    private static final Map<String, AttributeValue> KEY = Map.of("pk", s("a"));

    @Test
    void sets_come_back_sorted_by_default_wherever_they_are() {
        try (LocalEndpoint endpoint = new LocalEndpoint()) {
            DynamoDbClient client = endpoint.client();
            endpoint.createTable("Sets", "pk", null, null);
            AttributeValue strings = AttributeValue.fromSs(List.of("wvu", "zyx", "tsr", "é", "\uFFFD", "😀", "Z"));
            AttributeValue numbers = AttributeValue.fromNs(List.of("10", "9", "-1.5", "100", "-20", "0.5"));
            AttributeValue binaries = AttributeValue.fromBs(List.of(bytes(0xff), bytes(0x01, 0x02), bytes(0x80),
                    bytes(0x01)));
            client.putItem(p -> p.tableName("Sets").item(Map.of("pk", s("a"), "ss", strings, "ns", numbers,
                    "bs", binaries, "m", AttributeValue.fromM(Map.of("inner", strings)),
                    "l", AttributeValue.fromL(List.of(numbers)))));

            Map<String, AttributeValue> item = client.getItem(g -> g.tableName("Sets").key(KEY)).item();

            List<String> sortedStrings = List.of("Z", "tsr", "wvu", "zyx", "é", "\uFFFD", "😀");
            List<String> sortedNumbers = List.of("-20", "-1.5", "0.5", "9", "10", "100");
            assertThat(item.get("ss").ss()).containsExactlyElementsOf(sortedStrings);
            assertThat(item.get("ns").ns()).containsExactlyElementsOf(sortedNumbers);
            assertThat(item.get("bs").bs()).containsExactly(bytes(0x01), bytes(0x01, 0x02), bytes(0x80),
                    bytes(0xff));
            assertThat(item.get("m").m().get("inner").ss()).containsExactlyElementsOf(sortedStrings);
            assertThat(item.get("l").l().get(0).ns()).containsExactlyElementsOf(sortedNumbers);

            Map<String, AttributeValue> updated = client.updateItem(u -> u.tableName("Sets").key(KEY)
                    .updateExpression("ADD ss :more").returnValues(ReturnValue.UPDATED_NEW)
                    .expressionAttributeValues(Map.of(":more", AttributeValue.fromSs(List.of("b", "a"))))).attributes();
            assertThat(updated.get("ss").ss()).containsExactly("Z", "a", "b", "tsr", "wvu", "zyx", "é", "\uFFFD", "😀");
            assertThat(client.scan(r -> r.tableName("Sets")).items().get(0).get("ss"))
                    .isEqualTo(updated.get("ss"));
        }
    }

    @Test
    void shuffled_sets_change_order_from_one_response_to_the_next_but_not_their_elements() {
        EngineConfig config = EngineConfig.builder().setOrder(SetOrder.SHUFFLED).shuffleSeed(42).build();
        List<String> strings = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        List<SdkBytes> binaries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            strings.add("s" + (char) ('a' + i));
            numbers.add(Integer.toString(i));
            binaries.add(bytes(i));
        }
        List<List<String>> firstRun = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            try (LocalEndpoint endpoint = new LocalEndpoint(config)) {
                DynamoDbClient client = endpoint.client();
                endpoint.createTable("Sets", "pk", null, null);
                client.putItem(p -> p.tableName("Sets").item(Map.of("pk", s("a"), "ss", AttributeValue.fromSs(strings),
                        "ns", AttributeValue.fromNs(numbers), "bs", AttributeValue.fromBs(binaries))));

                Map<String, AttributeValue> first = client.getItem(g -> g.tableName("Sets").key(KEY)).item();
                Map<String, AttributeValue> second = client.getItem(g -> g.tableName("Sets").key(KEY)).item();

                assertThat(first.get("ss").ss()).containsExactlyInAnyOrderElementsOf(strings)
                        .isNotEqualTo(second.get("ss").ss()).isNotEqualTo(strings);
                assertThat(second.get("ss").ss()).containsExactlyInAnyOrderElementsOf(strings);
                assertThat(first.get("ns").ns()).containsExactlyInAnyOrderElementsOf(numbers)
                        .isNotEqualTo(second.get("ns").ns());
                assertThat(first.get("bs").bs()).containsExactlyInAnyOrderElementsOf(binaries)
                        .isNotEqualTo(second.get("bs").bs());
                if (run == 0) {
                    firstRun.add(first.get("ss").ss());
                    firstRun.add(second.get("ss").ss());
                } else {
                    assertThat(List.of(first.get("ss").ss(), second.get("ss").ss()))
                            .as("the same seed gives the same orders to the same requests")
                            .isEqualTo(firstRun);
                }
            }
        }
    }

    private static SdkBytes bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return SdkBytes.fromByteArray(b);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
