package dev.dynamotest.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        assertThat(JsonTrees.read("").isMissingNode()).isTrue();
    }

    @Test
    void writes_the_text_that_to_string_writes() throws IOException {
        JsonNode tree = new ObjectMapper().readTree(DOCUMENT);

        assertThat(JsonTrees.write(tree)).isEqualTo(tree.toString());
        assertThat(JsonTrees.read(JsonTrees.write(tree))).isEqualTo(tree);
    }

    @Test
    void reads_exactly_the_tree_that_object_mapper_reads_of_a_request() throws IOException {
        String request = "{\"TableName\":\"Orders\",\"Limit\":3,\"Big\":123456789012345678901234567890,"
                + "\"ConsistentRead\":true,\"Archival\":null,\"Key\":{\"pk\":{\"S\":\"caf\\u00e9\"}},"
                + "\"AttributesToGet\":[\"a\",\"b\"],\"Empty\":{},\"None\":[]}";

        assertThat(JsonTrees.readExact(new JsonFactory(), request.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new ObjectMapper().readTree(request));
    }

    @Test
    void reading_exactly_gives_up_where_read_tree_decides() {
        JsonFactory factory = new JsonFactory();
        for (String body : new String[] {"{\"Limit\":1.5}", "{\"a\":1,\"a\":2}", "{\"a\":1} {}", "{\"a\":",
                "{\"a\" 1}", "[1, 2.0]", ""}) {
            assertThat(JsonTrees.readExact(factory, body.getBytes(StandardCharsets.UTF_8))).as(body).isNull();
        }
    }

    @Test
    void malformed_json_is_an_io_error() {
        assertThatThrownBy(() -> JsonTrees.read("{\"a\":")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> JsonTrees.read("{\"a\" 1}")).isInstanceOf(IOException.class);
    }
}
