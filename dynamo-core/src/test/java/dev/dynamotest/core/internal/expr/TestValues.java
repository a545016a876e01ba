package dev.dynamotest.core.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynamotest.core.internal.protocol.AttributeValueJson;
import dev.dynamotest.core.model.AttributeValue;
import java.io.UncheckedIOException;
import java.util.Map;

/** Short ways to write items, values and requests in the expression tests. */
final class TestValues {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestValues() {
    }

    /** JSON with single quotes for readability. */
    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"'));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An item from DynamoDB JSON: {@code item("{'a': {'N': '1'}}")}. */
    static Map<String, AttributeValue> item(String dynamoJson) {
        return AttributeValueJson.decodeItem(json(dynamoJson));
    }

    /** One value from DynamoDB JSON: {@code value("{'S': 'x'}")}. */
    static AttributeValue value(String dynamoJson) {
        return AttributeValueJson.decode(json(dynamoJson));
    }

    /** A context with values written as DynamoDB JSON and names as a JSON object. */
    static ExpressionContext ctx(String namesJson, String valuesJson) {
        Map<String, String> names = namesJson == null ? null
                : MAPPER.convertValue(json(namesJson), MAPPER.getTypeFactory()
                        .constructMapType(java.util.LinkedHashMap.class, String.class, String.class));
        Map<String, AttributeValue> values = valuesJson == null ? null : item(valuesJson);
        return new ExpressionContext(names, values);
    }

    static ExpressionContext values(String valuesJson) {
        return ctx(null, valuesJson);
    }
}
