package dev.dynamotest.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTreesTest {

    private static final String DOCUMENT = "{\"TableName\":\"Orders\",\"ItemCount\":3,\"TableSizeBytes\":12345678901,"
            + "\"Huge\":123456789012345678901234567890,\"CreationDateTime\":1.7647E9,\"Ratio\":0.25,"
            + "\"Deleted\":false,\"Open\":true,\"Archival\":null,\"Text\":\"caf\\u00e9 \\\"quoted\\\"\","
            + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],\"Empty\":{},\"None\":[],"
            + "\"Twice\":1,\"Twice\":2}";

    @Test
    void reads_the_tree_that_object_mapper_reads() throws IOException {
        JsonNode expected = new ObjectMapper().readTree(DOCUMENT);

        assertThat(JsonTrees.read(DOCUMENT)).isEqualTo(expected);
        assertThat(JsonTrees.read(DOCUMENT.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
        assertThat(JsonTrees.read(new ByteArrayInputStream(DOCUMENT.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(expected);
        assertThat(JsonTrees.read("").isMissingNode()).isTrue();
    }

    @Test
    void writes_the_text_that_to_string_writes() throws IOException {
        JsonNode tree = new ObjectMapper().readTree(DOCUMENT);

        assertThat(JsonTrees.write(tree)).isEqualTo(tree.toString());
        assertThat(new String(JsonTrees.writeBytes(tree), StandardCharsets.UTF_8)).isEqualTo(tree.toString());
        assertThat(JsonTrees.read(JsonTrees.write(tree))).isEqualTo(tree);
    }

    @Test
    void malformed_json_is_an_io_error() {
        assertThatThrownBy(() -> JsonTrees.read("{\"a\":")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> JsonTrees.read("{\"a\" 1}")).isInstanceOf(IOException.class);
    }
}
