package dev.dynamotest.core.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.internal.json.JsonTrees;
import dev.dynamotest.core.internal.storage.ItemCodec;
import dev.dynamotest.core.model.AttributeValue;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemNodeTest {

    /** An item with every attribute type, nested, with text that JSON must escape. */
    private static Map<String, AttributeValue> item() {
        Map<String, AttributeValue> inner = new LinkedHashMap<>();
        inner.put("quote \" and \\ slash", AttributeValue.string("line\nbreak\ttab \u0001 é 😀"));
        inner.put("list", new AttributeValue.L(List.of(AttributeValue.number("1.5"), AttributeValue.nul(),
                new AttributeValue.M(Map.of("deep", AttributeValue.bool(false))))));
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.string("item#1"));
        item.put("n", AttributeValue.number("-12.5E3"));
        item.put("b", AttributeValue.binary("bytes".getBytes(StandardCharsets.UTF_8)));
        item.put("yes", AttributeValue.bool(true));
        item.put("nothing", AttributeValue.nul());
        item.put("m", new AttributeValue.M(inner));
        item.put("ss", new AttributeValue.SS(new LinkedHashSet<>(List.of("a", "b"))));
        item.put("ns", new AttributeValue.NS(new LinkedHashSet<>(List.of("1", "2"))));
        item.put("bs", new AttributeValue.BS(List.of(new byte[] {1, 2}, new byte[] {3})));
        item.put("empty", new AttributeValue.M(Map.of()));
        return item;
    }

    @Test
    void writesTheSameJsonAsTheTreeOfTheItem() {
        String streamed = JsonTrees.write(AttributeValueJson.itemNode(item()));

        assertThat(streamed).isEqualTo(JsonTrees.write(AttributeValueJson.encodeItem(item())));
        assertThat(streamed).startsWith("{\"pk\":{\"S\":\"item#1\"},\"n\":{\"N\":");
    }

    @Test
    void writesTheSameJsonFromTheStoredFormOfTheItem() {
        String streamed = JsonTrees.write(AttributeValueJson.storedItemNode(ItemCodec.encode(item())));

        assertThat(streamed).isEqualTo(JsonTrees.write(AttributeValueJson.encodeItem(item())));
    }

    @Test
    void readsAsTheTreeOfTheItemFromItsStoredForm() {
        ObjectNode node = AttributeValueJson.storedItemNode(ItemCodec.encode(item()));

        assertThat(node.size()).isEqualTo(10);
        assertThat(node).isEqualTo(AttributeValueJson.encodeItem(item()));
        assertThat(AttributeValueJson.decodeItem(node))
                .isEqualTo(AttributeValueJson.decodeItem(AttributeValueJson.encodeItem(item())));
    }

    @Test
    void isWrittenTheSameInsideAResponseTree() {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.putArray("Items").add(AttributeValueJson.itemNode(item())).add(AttributeValueJson.itemNode(Map.of()))
                .add(AttributeValueJson.storedItemNode(ItemCodec.encode(item())));
        ObjectNode eager = JsonNodeFactory.instance.objectNode();
        eager.putArray("Items").add(AttributeValueJson.encodeItem(item())).add(AttributeValueJson.encodeItem(Map.of()))
                .add(AttributeValueJson.encodeItem(item()));

        assertThat(JsonTrees.write(response)).isEqualTo(JsonTrees.write(eager));
        assertThat(response.toString()).isEqualTo(eager.toString());
    }

    @Test
    void readsAsTheTreeOfTheItem() {
        ObjectNode node = AttributeValueJson.itemNode(item());
        ObjectNode eager = AttributeValueJson.encodeItem(item());

        assertThat(node.size()).isEqualTo(10);
        assertThat(node.has("pk")).isTrue();
        assertThat(node.path("pk").path("S").asText()).isEqualTo("item#1");
        assertThat(node).isEqualTo(eager);
        assertThat(eager).isEqualTo(node);
        assertThat(node.deepCopy()).isEqualTo(eager);
        assertThat(AttributeValueJson.decodeItem(node)).isEqualTo(AttributeValueJson.decodeItem(eager));
    }

    @Test
    void writesWhatWasChangedInItsTree() {
        ObjectNode node = AttributeValueJson.itemNode(Map.of("pk", AttributeValue.string("a")));

        node.putObject("added").put("N", "7");
        node.remove("pk");

        assertThat(JsonTrees.write(node)).isEqualTo("{\"added\":{\"N\":\"7\"}}");
    }
}
