package dev.dynamotest.junit.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the files that declarations name: class-path resources first, then paths relative to the working
 * directory; JSON, or YAML with CloudFormation's short-form tags ({@code !Ref}, {@code !Sub}, ...) kept as
 * their long form.
 */
final class DeclarationFiles {

    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DeclarationFiles() {
    }

    /** The file's content as a tree; {@code where} names the declaration in error messages. */
    static JsonNode read(String file, Class<?> testClass, String where) {
        try (InputStream in = open(file, testClass, where)) {
            JsonFactory format = file.endsWith(".json") ? JSON : YAML;
            try (JsonParser parser = format.createParser(in)) {
                return parser.nextToken() == null ? NODES.missingNode() : value(parser);
            }
        } catch (IOException e) {
            throw new MisuseException(where + ": cannot parse " + file + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(String file, Class<?> testClass, String where) throws IOException {
        String name = file.startsWith("/") ? file.substring(1) : file;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        URL url = loader != null ? loader.getResource(name) : null;
        if (url == null) {
            url = testClass.getClassLoader().getResource(name);
        }
        if (url != null) {
            return url.openStream();
        }
        Path path = Path.of(file);
        if (Files.isRegularFile(path)) {
            return Files.newInputStream(path);
        }
        throw new MisuseException(where + ": found no class-path resource or file " + file
                + "; put it under src/test/resources or give a path relative to " + Path.of("").toAbsolutePath());
    }

    private static JsonNode value(JsonParser parser) throws IOException {
        String tag = parser.getTypeId() instanceof String s ? s : null;
        JsonNode node = switch (parser.currentToken()) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> array(parser);
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> NODES.textNode(parser.getText());
        };
        if (tag == null || tag.startsWith("tag:yaml.org")) {
            return node;
        }
        ObjectNode intrinsic = NODES.objectNode();
        intrinsic.set(tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag, node);
        return intrinsic;
    }

    private static ObjectNode object(JsonParser parser) throws IOException {
        ObjectNode node = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            node.set(field, value(parser));
        }
        return node;
    }

    private static ArrayNode array(JsonParser parser) throws IOException {
        ArrayNode node = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            node.add(value(parser));
        }
        return node;
    }
}
