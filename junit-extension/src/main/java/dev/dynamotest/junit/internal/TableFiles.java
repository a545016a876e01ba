package dev.dynamotest.junit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a file of table definitions: CreateTable requests as {@code --cli-input-json} takes them (one, or
 * an array), or a CloudFormation template.
 */
final class TableFiles {

    private TableFiles() {
    }

    static List<TableDeclaration> read(String file, Map<String, String> parameters, String classRegion,
            Class<?> testClass, String annotation) {
        String where = annotation + " \"" + file + "\" on " + testClass.getSimpleName();
        JsonNode root = DeclarationFiles.read(file, testClass, where);
        if (root.isObject() && root.has("Resources")) {
            return CloudFormationTables.read(root, parameters, classRegion, where);
        }
        List<TableDeclaration> tables = new ArrayList<>();
        if (root.isObject()) {
            tables.add(request(root, where));
        } else if (root.isArray()) {
            root.forEach(node -> tables.add(request(node, where)));
        }
        if (tables.isEmpty()) {
            throw new MisuseException(where + ": the file holds no CreateTable request and no CloudFormation "
                    + "template (an object with Resources)");
        }
        return tables;
    }

    private static TableDeclaration request(JsonNode node, String where) {
        if (!node.isObject() || !node.path("TableName").isTextual()) {
            throw new MisuseException(where + ": expected CreateTable requests with a TableName, as "
                    + "aws dynamodb create-table --cli-input-json takes them, but found " + abbreviate(node));
        }
        ObjectNode request = ((ObjectNode) node).deepCopy();
        String name = request.get("TableName").asText();
        return new TableDeclaration(null, name, request, null, where + ", table " + name);
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
