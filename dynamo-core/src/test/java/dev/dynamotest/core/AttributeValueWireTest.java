package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynamotest.core.support.LocalEndpoint;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Attribute values of the wrong JSON shape, sent raw over the wire (no SDK sends them) in every place an attribute
 * value is read: each gets a 400 with DynamoDB's {@code __type} and message, never a 500 and never a silent success.
 */
class AttributeValueWireTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SERIALIZATION = "com.amazon.coral.service#SerializationException";
    private static final String VALIDATION = "com.amazonaws.dynamodb.v20120810#ValidationException";
    private static final String NUMBER_AS_STRING = "NUMBER_VALUE cannot be converted to String";
    private static final String BOOLEAN_AS_STRING = "BOOLEAN_VALUE cannot be converted to String";
    private static final String NULL_STRING = "Unexpected value type in payload: null where string was expected";

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();

    @BeforeAll
    static void start() {
        endpoint.createTable("Shapes", "pk", null, null);
    }

    static Stream<Arguments> bad_values() {
        return Stream.of(
                Arguments.of("{\"SS\": [null]}", SERIALIZATION, NULL_STRING),
                Arguments.of("{\"NS\": [null]}", SERIALIZATION, NULL_STRING),
                Arguments.of("{\"BS\": [null]}", SERIALIZATION, NULL_STRING),
                Arguments.of("{\"SS\": [\"a\", null]}", SERIALIZATION, NULL_STRING),
                Arguments.of("{\"L\": [null]}", SERIALIZATION,
                        "Unexpected value type in payload: null where structure was expected"),
                Arguments.of("{\"M\": {\"a\": null}}", SERIALIZATION,
                        "Unexpected value type in payload: null where structure was expected"),
                Arguments.of("{\"N\": 123}", SERIALIZATION, NUMBER_AS_STRING),
                Arguments.of("{\"N\": 1.5}", SERIALIZATION, NUMBER_AS_STRING),
                Arguments.of("{\"N\": true}", SERIALIZATION, BOOLEAN_AS_STRING),
                Arguments.of("{\"S\": 7}", SERIALIZATION, NUMBER_AS_STRING),
                Arguments.of("{\"S\": false}", SERIALIZATION, BOOLEAN_AS_STRING),
                Arguments.of("{\"S\": {}}", SERIALIZATION, "Start of structure or map found where not expected."),
                Arguments.of("{\"S\": []}", SERIALIZATION, "Start of list found where not expected"),
                Arguments.of("{\"B\": 4}", SERIALIZATION, NUMBER_AS_STRING),
                Arguments.of("{\"SS\": [1]}", SERIALIZATION, NUMBER_AS_STRING),
                Arguments.of("{\"NS\": [1, 2]}", SERIALIZATION, NUMBER_AS_STRING),
                Arguments.of("{\"BS\": [true]}", SERIALIZATION, BOOLEAN_AS_STRING),
                Arguments.of("{\"SS\": [[]]}", SERIALIZATION, "Start of list found where not expected"),
                Arguments.of("{\"NS\": [{}]}", SERIALIZATION, "Start of structure or map found where not expected."),
                Arguments.of("{\"SS\": \"a\"}", SERIALIZATION,
                        "Unexpected value type in payload: STRING_VALUE where list was expected"),
                Arguments.of("{\"BOOL\": \"true\"}", SERIALIZATION,
                        "Unexpected value type in payload: STRING_VALUE where boolean was expected"),
                Arguments.of("{\"BOOL\": 1}", SERIALIZATION,
                        "Unexpected value type in payload: NUMBER_VALUE where boolean was expected"),
                Arguments.of("{\"NULL\": \"true\"}", SERIALIZATION,
                        "Unexpected value type in payload: STRING_VALUE where boolean was expected"),
                Arguments.of("{\"L\": {}}", SERIALIZATION, "Start of structure or map found where not expected."),
                Arguments.of("{\"M\": []}", SERIALIZATION, "Start of list found where not expected"),
                Arguments.of("{\"L\": [1]}", SERIALIZATION,
                        "Unexpected value type in payload: NUMBER_VALUE where structure was expected"),
                Arguments.of("null", SERIALIZATION,
                        "Unexpected value type in payload: null where structure was expected"),
                Arguments.of("{\"N\": null}", VALIDATION,
                        "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"));
    }

    @ParameterizedTest(name = "PutItem with {0}")
    @MethodSource("bad_values")
    void put_item_refuses(String value, String type, String message) throws Exception {
        assertRefused(send("PutItem", "{\"TableName\": \"Shapes\", \"Item\": {\"pk\": {\"S\": \"a\"}, \"v\": "
                + value + "}}"), type, message);
    }

    @ParameterizedTest(name = "TransactWriteItems Put with {0}")
    @MethodSource("bad_values")
    void transact_write_items_refuses(String value, String type, String message) throws Exception {
        assertRefused(send("TransactWriteItems", "{\"TransactItems\": [{\"Put\": {\"TableName\": \"Shapes\", "
                + "\"Item\": {\"pk\": {\"S\": \"a\"}, \"v\": " + value + "}}}]}"), type, message);
    }

    @ParameterizedTest(name = "BatchWriteItem Put with {0}")
    @MethodSource("bad_values")
    void batch_write_item_refuses(String value, String type, String message) throws Exception {
        assertRefused(send("BatchWriteItem", "{\"RequestItems\": {\"Shapes\": [{\"PutRequest\": "
                + "{\"Item\": {\"pk\": {\"S\": \"a\"}, \"v\": " + value + "}}}]}}"), type, message);
    }

    @ParameterizedTest(name = "an expression attribute value {0}")
    @MethodSource("bad_values")
    void expression_attribute_values_refuse(String value, String type, String message) throws Exception {
        assertRefused(send("UpdateItem", "{\"TableName\": \"Shapes\", \"Key\": {\"pk\": {\"S\": \"a\"}}, "
                + "\"UpdateExpression\": \"SET v = :v\", \"ExpressionAttributeValues\": {\":v\": " + value + "}}"),
                type, message);
    }

    /** The bad values but JSON null, which as an update's {@code Value} means "no value" (a DELETE). */
    static Stream<Arguments> bad_update_values() {
        return bad_values().filter(arguments -> !"null".equals(arguments.get()[0]));
    }

    @ParameterizedTest(name = "an AttributeUpdates value {0}")
    @MethodSource("bad_update_values")
    void attribute_updates_refuse(String value, String type, String message) throws Exception {
        assertRefused(send("UpdateItem", "{\"TableName\": \"Shapes\", \"Key\": {\"pk\": {\"S\": \"a\"}}, "
                + "\"AttributeUpdates\": {\"v\": {\"Action\": \"PUT\", \"Value\": " + value + "}}}"), type, message);
    }

    @ParameterizedTest(name = "a key {0}")
    @MethodSource("bad_values")
    void get_item_refuses_a_key_of_the_wrong_shape(String value, String type, String message) throws Exception {
        assertRefused(send("GetItem", "{\"TableName\": \"Shapes\", \"Key\": {\"pk\": " + value + "}}"), type,
                message);
    }

    private static void assertRefused(HttpResponse<String> response, String type, String message) throws IOException {
        JsonNode body = JSON.readTree(response.body());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(body.path("__type").asText()).as(response.body()).isEqualTo(type);
        assertThat(body.path("message").asText()).isEqualTo(message);
    }

    private static HttpResponse<String> send(String operation, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint.endpoint().resolve("/"))
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
