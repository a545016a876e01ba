package dev.dynamotest.core;

import static dev.dynamotest.core.support.LocalEndpoint.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalEndpoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code size()}, {@code contains()} and {@code attribute_type()} on every type they take, through a filter on one
 * item holding an attribute of each of DynamoDB's ten types, and their errors on values they do not take.
 */
class ExpressionFunctionsTest {

    private static final String VALIDATION = "ValidationException";
    private static final Map<String, AttributeValue> ITEM = new HashMap<>();

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
        endpoint.createTable("Types", "pk", null, null);
        ITEM.put("pk", AttributeValue.fromS("a"));
        ITEM.put("S", AttributeValue.fromS("héllo"));
        ITEM.put("N", AttributeValue.fromN("12345"));
        ITEM.put("B", AttributeValue.fromB(bytes(1, 2, 3, 4)));
        ITEM.put("SS", AttributeValue.fromSs(List.of("x", "y", "z")));
        ITEM.put("NS", AttributeValue.fromNs(List.of("1", "2")));
        ITEM.put("BS", AttributeValue.fromBs(List.of(bytes(1), bytes(2, 3), bytes(0xff), bytes(4), bytes(5))));
        ITEM.put("BOOL", AttributeValue.fromBool(true));
        ITEM.put("NULL", AttributeValue.fromNul(true));
        ITEM.put("L", AttributeValue.fromL(List.of(AttributeValue.fromS("x"), AttributeValue.fromN("1"))));
        ITEM.put("M", AttributeValue.fromM(Map.of("k", AttributeValue.fromS("v"))));
        client.putItem(p -> p.tableName("Types").item(ITEM));
    }

    private static boolean holds(String filter, Map<String, AttributeValue> values) {
        Map<String, String> names = new HashMap<>();
        for (String type : ITEM.keySet()) {
            if (java.util.regex.Pattern.compile("#" + type + "\\b").matcher(filter).find()) {
                names.put("#" + type, type);
            }
        }
        return client.scan(s -> s.tableName("Types").filterExpression(filter)
                .expressionAttributeNames(names.isEmpty() ? null : names)
                .expressionAttributeValues(values.isEmpty() ? null : values)).count() == 1;
    }

    static Stream<Arguments> sizes() {
        return Stream.of(Arguments.of("S", 5), Arguments.of("B", 4), Arguments.of("SS", 3), Arguments.of("NS", 2),
                Arguments.of("BS", 5), Arguments.of("L", 2), Arguments.of("M", 1));
    }

    @ParameterizedTest(name = "size of {0} is {1}")
    @MethodSource
    void sizes(String attribute, int size) {
        assertThat(holds("size(#" + attribute + ") = :n", Map.of(":n", AttributeValue.fromN(Integer.toString(size)))))
                .isTrue();
    }

    @ParameterizedTest(name = "size of a {0} attribute is not defined")
    @ValueSource(strings = {"N", "BOOL", "NULL"})
    void size_of_an_attribute_without_one_fails_the_condition_without_an_error(String attribute) {
        assertThat(holds("size(#" + attribute + ") >= :zero", Map.of(":zero", AttributeValue.fromN("0")))).isFalse();
    }

    @Test
    void size_of_a_value_takes_sets_and_binaries_and_refuses_the_rest() {
        assertThat(holds("size(:set) = :two", Map.of(":set", AttributeValue.fromBs(List.of(bytes(1), bytes(2))),
                ":two", AttributeValue.fromN("2")))).isTrue();
        assertThat(holds("size(:bin) = :two", Map.of(":bin", AttributeValue.fromB(bytes(7, 8)),
                ":two", AttributeValue.fromN("2")))).isTrue();
        for (Map.Entry<String, AttributeValue> e : Map.of("N", AttributeValue.fromN("1"),
                "BOOL", AttributeValue.fromBool(false), "NULL", AttributeValue.fromNul(true)).entrySet()) {
            assertError(() -> holds("size(:v) = :v", Map.of(":v", e.getValue())), VALIDATION,
                    "Invalid FilterExpression: Incorrect operand type for operator or function; operator or function:"
                            + " size, operand type: " + e.getKey());
        }
    }

    @Test
    void contains_finds_a_binary_in_a_binary_set_and_bytes_in_a_binary() {
        assertThat(holds("contains(#BS, :b)", Map.of(":b", AttributeValue.fromB(bytes(2, 3))))).isTrue();
        assertThat(holds("contains(#BS, :b)", Map.of(":b", AttributeValue.fromB(bytes(2))))).isFalse();
        assertThat(holds("contains(#BS, :b)", Map.of(":b", AttributeValue.fromS("x")))).isFalse();
        assertThat(holds("contains(#B, :b)", Map.of(":b", AttributeValue.fromB(bytes(2, 3))))).isTrue();
        assertThat(holds("contains(#SS, :s)", Map.of(":s", AttributeValue.fromS("y")))).isTrue();
        assertThat(holds("contains(#NS, :n)", Map.of(":n", AttributeValue.fromN("2.0")))).isTrue();
    }

    @ParameterizedTest(name = "attribute_type {0}")
    @ValueSource(strings = {"S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M"})
    void attribute_type_knows_every_type_name(String type) {
        for (String attribute : ITEM.keySet()) {
            if (!attribute.equals("pk")) {
                assertThat(holds("attribute_type(#" + attribute + ", :t)", Map.of(":t", AttributeValue.fromS(type))))
                        .as(attribute + " is of type " + type).isEqualTo(attribute.equals(type));
            }
        }
    }

    @Test
    void attribute_type_refuses_an_unknown_type_name_a_non_string_and_a_path() {
        assertError(() -> holds("attribute_type(#S, :t)", Map.of(":t", AttributeValue.fromS("STRING"))),
                VALIDATION, "Invalid FilterExpression: Invalid attribute type name found; type: STRING, valid types: "
                        + "{ B,NULL,SS,BOOL,L,BS,N,NS,S,M }");
        assertError(() -> holds("attribute_type(#S, :t)", Map.of(":t", AttributeValue.fromS("s"))),
                VALIDATION, "Invalid FilterExpression: Invalid attribute type name found; type: s, valid types: "
                        + "{ B,NULL,SS,BOOL,L,BS,N,NS,S,M }");
        assertError(() -> holds("attribute_type(#S, :t)", Map.of(":t", AttributeValue.fromN("1"))),
                VALIDATION, "Invalid FilterExpression: Incorrect operand type for operator or function; operator or "
                        + "function: attribute_type, operand type: N");
        assertError(() -> holds("attribute_type(#S, #N)", Map.of()), VALIDATION,
                "Invalid FilterExpression: Operator or function requires a value; operator or function: "
                        + "attribute_type");
    }

    private static SdkBytes bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return SdkBytes.fromByteArray(b);
    }
}
