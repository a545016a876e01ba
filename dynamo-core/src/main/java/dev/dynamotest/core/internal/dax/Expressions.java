package dev.dynamotest.core.internal.dax;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.internal.dax.Cbor.Tagged;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Turns the expression trees the DAX client compiles (condition, filter, key condition, update, projection) back
 * into DynamoDB expression text, so the engine's own parser and evaluator decide on them. A tree is
 * {@code [version, node, values]} (a projection has no values); a node is {@code [function, args...]}; every
 * attribute name becomes a {@code #n} placeholder and every value a {@code :} placeholder, collected into the
 * request's {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues}.
 */
final class Expressions {

    private static final String[] COMPARATORS = {"=", "<>", "<", ">=", ">", "<="};
    private static final int AND = 6;
    private static final int OR = 7;
    private static final int NOT = 8;
    private static final int BETWEEN = 9;
    private static final int IN = 10;
    private static final int ATTRIBUTE_EXISTS = 11;
    private static final int ATTRIBUTE_NOT_EXISTS = 12;
    private static final int ATTRIBUTE_TYPE = 13;
    private static final int BEGINS_WITH = 14;
    private static final int CONTAINS = 15;
    private static final int SIZE = 16;
    private static final int VARIABLE = 17;
    private static final int DOCUMENT_PATH = 18;
    private static final int SET = 19;
    private static final int ADD = 20;
    private static final int DELETE = 21;
    private static final int REMOVE = 22;
    private static final int IF_NOT_EXISTS = 23;
    private static final int LIST_APPEND = 24;
    private static final int PLUS = 25;
    private static final int MINUS = 26;

    private final Map<String, String> placeholders = new HashMap<>();
    private final ObjectNode names = AttributeValues.JSON.objectNode();
    private final ObjectNode values = AttributeValues.JSON.objectNode();
    private List<Object> currentValues = List.of();
    private String valuePrefix = ":v";

    /** Renders a condition, filter or key condition expression; {@code prefix} keeps its values apart. */
    String condition(byte[] encoded, String prefix) {
        List<?> tree = tree(encoded);
        useValues(tree, prefix);
        return node(tree.get(1));
    }

    /** Renders an update expression. */
    String update(byte[] encoded) {
        List<?> tree = tree(encoded);
        useValues(tree, ":u");
        Map<String, StringJoiner> clauses = new LinkedHashMap<>();
        for (Object action : (List<?>) tree.get(1)) {
            List<?> parts = (List<?>) action;
            int function = Cbor.intValue(parts.get(0));
            String path = node(parts.get(1));
            switch (function) {
                case SET -> clause(clauses, "SET").add(path + " = " + node(parts.get(2)));
                case ADD -> clause(clauses, "ADD").add(path + " " + node(parts.get(2)));
                case DELETE -> clause(clauses, "DELETE").add(path + " " + node(parts.get(2)));
                case REMOVE -> clause(clauses, "REMOVE").add(path);
                default -> throw new DaxProtocolException("unknown update action " + function);
            }
        }
        StringJoiner text = new StringJoiner(" ");
        clauses.forEach((keyword, actions) -> text.add(keyword + " " + actions));
        return text.toString();
    }

    /** Renders a projection expression. */
    String projection(byte[] encoded) {
        StringJoiner text = new StringJoiner(", ");
        for (List<Object> path : projectionPaths(encoded)) {
            text.add(path(path));
        }
        return text.toString();
    }

    /**
     * The document paths of a projection, in the client's order: its ordinals in responses index this list. Each
     * element is a name ({@link String}) or a list index ({@link Integer}).
     */
    static List<List<Object>> projectionPaths(byte[] encoded) {
        List<?> tree = tree(encoded);
        List<List<Object>> paths = new ArrayList<>();
        for (Object node : (List<?>) tree.get(1)) {
            List<?> parts = (List<?>) node;
            if (Cbor.intValue(parts.get(0)) != DOCUMENT_PATH) {
                throw new DaxProtocolException("a projection holds a non-path " + node);
            }
            List<Object> path = new ArrayList<>();
            for (Object element : parts.subList(1, parts.size())) {
                path.add(element instanceof Tagged ordinal ? (Object) Cbor.intValue(ordinal.value())
                        : Cbor.text(element));
            }
            paths.add(path);
        }
        return paths;
    }

    boolean hasNames() {
        return names.size() > 0;
    }

    boolean hasValues() {
        return values.size() > 0;
    }

    ObjectNode names() {
        return names;
    }

    ObjectNode values() {
        return values;
    }

    private static List<?> tree(byte[] encoded) {
        Object tree = Cbor.readAll(encoded).get(0);
        if (!(tree instanceof List<?> list) || list.size() < 2 || Cbor.intValue(list.get(0)) != 1) {
            throw new DaxProtocolException("unknown expression encoding " + tree);
        }
        return list;
    }

    private void useValues(List<?> tree, String prefix) {
        valuePrefix = prefix;
        @SuppressWarnings("unchecked")
        List<Object> given = tree.size() > 2 ? (List<Object>) tree.get(2) : List.of();
        currentValues = given;
    }

    private static StringJoiner clause(Map<String, StringJoiner> clauses, String keyword) {
        return clauses.computeIfAbsent(keyword, k -> new StringJoiner(", "));
    }

    private String node(Object node) {
        List<?> parts = (List<?>) node;
        int function = Cbor.intValue(parts.get(0));
        if (function >= 0 && function < COMPARATORS.length) {
            return "(" + node(parts.get(1)) + " " + COMPARATORS[function] + " " + node(parts.get(2)) + ")";
        }
        return switch (function) {
            case AND -> "(" + node(parts.get(1)) + " AND " + node(parts.get(2)) + ")";
            case OR -> "(" + node(parts.get(1)) + " OR " + node(parts.get(2)) + ")";
            case NOT -> "(NOT " + node(parts.get(1)) + ")";
            case BETWEEN -> "(" + node(parts.get(1)) + " BETWEEN " + node(parts.get(2)) + " AND "
                    + node(parts.get(3)) + ")";
            case IN -> {
                StringJoiner options = new StringJoiner(", ", "(", ")");
                for (Object option : (List<?>) parts.get(2)) {
                    options.add(node(option));
                }
                yield "(" + node(parts.get(1)) + " IN " + options + ")";
            }
            case ATTRIBUTE_EXISTS -> call("attribute_exists", parts);
            case ATTRIBUTE_NOT_EXISTS -> call("attribute_not_exists", parts);
            case ATTRIBUTE_TYPE -> call("attribute_type", parts);
            case BEGINS_WITH -> call("begins_with", parts);
            case CONTAINS -> call("contains", parts);
            case SIZE -> call("size", parts);
            case IF_NOT_EXISTS -> call("if_not_exists", parts);
            case LIST_APPEND -> call("list_append", parts);
            case PLUS -> node(parts.get(1)) + " + " + node(parts.get(2));
            case MINUS -> node(parts.get(1)) + " - " + node(parts.get(2));
            case VARIABLE -> variable(Cbor.intValue(parts.get(1)));
            case DOCUMENT_PATH -> {
                List<Object> path = new ArrayList<>();
                for (Object element : parts.subList(1, parts.size())) {
                    path.add(element instanceof Tagged ordinal ? (Object) Cbor.intValue(ordinal.value())
                            : Cbor.text(element));
                }
                yield path(path);
            }
            default -> throw new DaxProtocolException("unknown expression function " + function);
        };
    }

    private String call(String name, List<?> parts) {
        StringJoiner args = new StringJoiner(", ", name + "(", ")");
        for (Object arg : parts.subList(1, parts.size())) {
            args.add(node(arg));
        }
        return args.toString();
    }

    private String variable(int id) {
        if (id < 0 || id >= currentValues.size()) {
            throw new DaxProtocolException("expression value " + id + " is missing");
        }
        String placeholder = valuePrefix + id;
        values.set(placeholder, AttributeValues.toJson(currentValues.get(id)));
        return placeholder;
    }

    private String path(List<Object> elements) {
        StringBuilder text = new StringBuilder();
        for (Object element : elements) {
            if (element instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                if (text.length() > 0) {
                    text.append('.');
                }
                text.append(name((String) element));
            }
        }
        return text.toString();
    }

    private String name(String attribute) {
        return placeholders.computeIfAbsent(attribute, a -> {
            String placeholder = "#n" + placeholders.size();
            names.put(placeholder, a);
            return placeholder;
        });
    }
}
