package dev.dynamotest.junit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the CloudFormation intrinsic functions of a template the way a stack creation would, without a
 * deployed stack: {@code Ref} to a parameter, a pseudo parameter or a table, {@code Fn::Sub}, {@code Fn::Join},
 * {@code Fn::Select}, {@code Fn::Split}, {@code Fn::FindInMap}, {@code Fn::Base64}, {@code Fn::If} over the
 * template's {@link TemplateConditions}, and {@code AWS::NoValue}, which removes the property or list element.
 * A function that needs a deployed stack or is not supported ({@code Fn::GetAtt}, {@code Fn::ImportValue},
 * {@code Fn::GetAZs}, {@code Fn::Cidr}, ...) fails with a message naming it, the resource and the property.
 */
final class Intrinsics {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(!?)([^}]*)}");
    private static final Map<String, String> UNSUPPORTED = Map.of(
            "Fn::GetAtt", "it reads an attribute of a deployed resource",
            "Fn::ImportValue", "it reads another stack's exports",
            "Fn::GetAZs", "it reads the account's Availability Zones",
            "Fn::Cidr", "DynamoTest does not evaluate it",
            "Fn::Transform", "macros run only in CloudFormation");

    private final JsonNode template;
    private final String where;
    private final Map<String, JsonNode> values = new HashMap<>();
    private final Map<String, String> undefinedParameters = new HashMap<>();
    private final TemplateConditions conditions;

    /** Intrinsics over the template's parameter defaults, the given values and the pseudo parameters. */
    Intrinsics(JsonNode template, Map<String, String> parameters, String region, String where) {
        this.template = template;
        this.where = where;
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Parameters").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> parameter = it.next();
            String name = parameter.getKey();
            JsonNode given = parameters.containsKey(name) ? NODES.textNode(parameters.get(name))
                    : parameter.getValue().get("Default");
            if (given == null || !given.isValueNode()) {
                undefinedParameters.put(name, name);
                continue;
            }
            values.put(name, parameterValue(name, parameter.getValue(), given.asText()));
        }
        values.put("AWS::Region", NODES.textNode(region));
        values.put("AWS::AccountId", NODES.textNode("000000000000"));
        values.put("AWS::Partition", NODES.textNode("aws"));
        values.put("AWS::StackName", NODES.textNode("dynamotest"));
        values.put("AWS::StackId", NODES.textNode("arn:aws:cloudformation:" + region
                + ":000000000000:stack/dynamotest/00000000-0000-0000-0000-000000000000"));
        values.put("AWS::URLSuffix", NODES.textNode("amazonaws.com"));
        values.put("AWS::NotificationARNs", NODES.arrayNode());
        conditions = new TemplateConditions(template, this, where);
    }

    private JsonNode parameterValue(String name, JsonNode declaration, String value) {
        JsonNode allowed = declaration.get("AllowedValues");
        if (allowed != null && allowed.isArray()) {
            boolean found = false;
            for (JsonNode option : allowed) {
                found |= option.asText().equals(value);
            }
            if (!found) {
                throw new MisuseException(where + ": Parameter '" + name + "' must be one of AllowedValues "
                        + allowed + ", not \"" + value + "\"");
            }
        }
        String type = declaration.path("Type").asText();
        if (type.equals("CommaDelimitedList") || type.startsWith("List<")) {
            ArrayNode list = NODES.arrayNode();
            for (String element : value.split(",", -1)) {
                list.add(element.trim());
            }
            return list;
        }
        return NODES.textNode(value);
    }

    /** Makes {@code Ref} to a resource's logical ID give {@code value} (a table's name, ...). */
    Intrinsics define(String logicalId, String value) {
        values.put(logicalId, NODES.textNode(value));
        return this;
    }

    /** Whether the resource is created: it has no {@code Condition} attribute, or its condition is true. */
    boolean creates(String logicalId, JsonNode resource) {
        JsonNode condition = resource.get("Condition");
        if (condition == null) {
            return true;
        }
        if (!condition.isTextual()) {
            throw new MisuseException(where + ", resource " + logicalId + ": its Condition must name a condition "
                    + "of the Conditions section, not " + condition);
        }
        return conditions.value(condition.asText(), "resource " + logicalId);
    }

    /**
     * A copy of the node with its intrinsic functions evaluated; {@code null} where it is {@code AWS::NoValue}.
     *
     * @param at the resource and property path of the node, for error messages ({@code resource Orders,
     *           Properties.TableName})
     */
    JsonNode resolve(JsonNode node, String at) {
        if (node == null) {
            return null;
        }
        if (node.isObject() && node.size() == 1) {
            String function = node.fieldNames().next();
            if (function.equals("Ref") || function.startsWith("Fn::")) {
                return function(function, node.get(function), at);
            }
        }
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = resolve(field.getValue(), at + "." + field.getKey());
                if (value != null) {
                    copy.set(field.getKey(), value);
                }
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                JsonNode value = resolve(node.get(i), at + "[" + i + "]");
                if (value != null) {
                    copy.add(value);
                }
            }
            return copy;
        }
        return node;
    }

    /** The error for the function at the node's place. */
    MisuseException error(String at, String message) {
        return new MisuseException(where + ", " + at + ": " + message);
    }

    private JsonNode function(String function, JsonNode argument, String at) {
        return switch (function) {
            case "Ref" -> ref(argument, at);
            case "Fn::If" -> ifThenElse(argument, at);
            case "Fn::Sub" -> NODES.textNode(substitute(argument, at));
            case "Fn::Join" -> NODES.textNode(join(argument, at));
            case "Fn::Select" -> select(argument, at);
            case "Fn::Split" -> split(argument, at);
            case "Fn::FindInMap" -> findInMap(argument, at);
            case "Fn::Base64" -> NODES.textNode(Base64.getEncoder()
                    .encodeToString(text(resolve(argument, at), "Fn::Base64", at).getBytes(StandardCharsets.UTF_8)));
            case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or" -> throw error(at, function + " can be used only in the "
                    + "Conditions section; in a property, write Fn::If with the name of a condition");
            default -> throw unsupported(function, argument, at);
        };
    }

    private MisuseException unsupported(String function, JsonNode argument, String at) {
        String why = UNSUPPORTED.getOrDefault(function, "DynamoTest does not evaluate it");
        return error(at, function + " " + argument + " is not supported: " + why + ". Give the property a "
                + "literal, a Ref to a parameter, or an Fn::If between such values");
    }

    private JsonNode ref(JsonNode argument, String at) {
        if (!argument.isTextual()) {
            throw error(at, "Ref takes the name of a parameter or resource, not " + argument);
        }
        String name = argument.asText();
        if (name.equals("AWS::NoValue")) {
            return null;
        }
        JsonNode value = values.get(name);
        if (value != null) {
            return value;
        }
        if (undefinedParameters.containsKey(name)) {
            throw error(at, "Ref to parameter " + name + ", which has no Default and no value; give it one with "
                    + "@DynamoTablesFrom(parameters = \"" + name + "=...\")");
        }
        JsonNode resource = template.path("Resources").get(name);
        if (resource != null) {
            if (!creates(name, resource)) {
                throw error(at, "Ref to resource " + name + ", which is not created: its condition "
                        + resource.get("Condition").asText() + " is false");
            }
            throw error(at, "Ref to resource " + name + " (" + resource.path("Type").asText() + ") is not supported: "
                    + "its value exists only in a deployed stack. Give the property a literal, a Ref to a parameter, "
                    + "or an Fn::If between such values");
        }
        throw error(at, "Unresolved resource dependencies [" + name + "]: Ref names no parameter, pseudo parameter "
                + "or resource of the template");
    }

    private JsonNode ifThenElse(JsonNode argument, String at) {
        if (!argument.isArray() || argument.size() != 3 || !argument.get(0).isTextual()) {
            throw error(at, "Fn::If takes [condition_name, value_if_true, value_if_false], not " + argument);
        }
        boolean value = conditions.value(argument.get(0).asText(), at);
        return resolve(argument.get(value ? 1 : 2), at);
    }

    private String substitute(JsonNode argument, String at) {
        JsonNode body = argument.isArray() ? argument.path(0) : argument;
        if (!body.isTextual() || (argument.isArray() && (argument.size() > 2
                || (argument.size() == 2 && !argument.get(1).isObject())))) {
            throw error(at, "Fn::Sub takes a string or [string, {name: value, ...}], not " + argument);
        }
        Map<String, String> local = new HashMap<>();
        if (argument.isArray() && argument.size() == 2) {
            argument.get(1).fields().forEachRemaining(v -> local.put(v.getKey(),
                    text(resolve(v.getValue(), at + " (Fn::Sub variable " + v.getKey() + ")"), "Fn::Sub", at)));
        }
        Matcher matcher = VARIABLE.matcher(body.asText());
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(2);
            String value;
            if (!matcher.group(1).isEmpty()) {
                value = "${" + name + "}";
            } else if (local.containsKey(name)) {
                value = local.get(name);
            } else if (name.contains(".") && !values.containsKey(name)) {
                throw unsupported("Fn::GetAtt", NODES.textNode(name), at + " (in Fn::Sub \"${" + name + "}\")");
            } else {
                value = text(ref(NODES.textNode(name), at), "Fn::Sub", at);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String join(JsonNode argument, String at) {
        if (!argument.isArray() || argument.size() != 2 || !argument.get(0).isTextual()) {
            throw error(at, "Fn::Join takes [delimiter, [value, ...]], not " + argument);
        }
        JsonNode parts = list(resolve(argument.get(1), at), "Fn::Join", at);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            out.append(i == 0 ? "" : argument.get(0).asText()).append(text(parts.get(i), "Fn::Join", at));
        }
        return out.toString();
    }

    private JsonNode select(JsonNode argument, String at) {
        if (!argument.isArray() || argument.size() != 2) {
            throw error(at, "Fn::Select takes [index, [value, ...]], not " + argument);
        }
        String indexText = text(resolve(argument.get(0), at), "Fn::Select", at);
        JsonNode list = list(resolve(argument.get(1), at), "Fn::Select", at);
        int index;
        try {
            index = Integer.parseInt(indexText);
        } catch (NumberFormatException e) {
            throw error(at, "Fn::Select index \"" + indexText + "\" is not a number");
        }
        if (index < 0 || index >= list.size()) {
            throw error(at, "Fn::Select cannot select nonexistent value at index " + index + " of " + list);
        }
        return list.get(index);
    }

    private JsonNode split(JsonNode argument, String at) {
        if (!argument.isArray() || argument.size() != 2 || !argument.get(0).isTextual()) {
            throw error(at, "Fn::Split takes [delimiter, string], not " + argument);
        }
        String source = text(resolve(argument.get(1), at), "Fn::Split", at);
        ArrayNode parts = NODES.arrayNode();
        for (String part : source.split(Pattern.quote(argument.get(0).asText()), -1)) {
            parts.add(part);
        }
        return parts;
    }

    private JsonNode findInMap(JsonNode argument, String at) {
        if (!argument.isArray() || argument.size() < 3 || argument.size() > 4) {
            throw error(at, "Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey], not " + argument);
        }
        String map = text(resolve(argument.get(0), at), "Fn::FindInMap", at);
        String top = text(resolve(argument.get(1), at), "Fn::FindInMap", at);
        String second = text(resolve(argument.get(2), at), "Fn::FindInMap", at);
        JsonNode value = template.path("Mappings").path(map).path(top).get(second);
        if (value == null && argument.size() == 4 && argument.get(3).has("DefaultValue")) {
            return resolve(argument.get(3).get("DefaultValue"), at);
        }
        if (value == null) {
            throw error(at, "Unable to get mapping for " + map + "::" + top + "::" + second
                    + " in the template's Mappings");
        }
        return value;
    }

    private String text(JsonNode value, String function, String at) {
        if (value == null || !value.isValueNode()) {
            throw error(at, function + " needs a string here, but the value is "
                    + (value == null ? "AWS::NoValue" : value.toString()));
        }
        return value.asText();
    }

    private JsonNode list(JsonNode value, String function, String at) {
        if (value == null || !value.isArray()) {
            throw error(at, function + " needs a list here, but the value is "
                    + (value == null ? "AWS::NoValue" : value.toString()));
        }
        return value;
    }
}
