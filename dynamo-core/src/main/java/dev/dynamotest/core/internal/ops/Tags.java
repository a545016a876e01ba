package dev.dynamotest.core.internal.ops;

import static dev.dynamotest.core.internal.ops.TableDescriptions.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.storage.TableMeta;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Table tags: TagResource, UntagResource, ListTagsOfResource, and the Tags of CreateTable. */
public final class Tags {

    /** Where a table's tags are kept inside its stored description (never returned by DescribeTable). */
    static final String FIELD = "__Tags";
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final int MAX_TAGS = 50;

    private final EngineContext ctx;

    public Tags(EngineContext ctx) {
        this.ctx = ctx;
    }

    public ObjectNode tagResource(String region, ObjectNode request) {
        String arn = Json.text(request, "ResourceArn");
        JsonNode tags = Json.array(request, "Tags");
        new Constraints().notNull(arn, "resourceArn").notNull(tags, "tags").check();
        validate(tags);
        TableMeta table = tableOf(region, arn);
        ObjectNode description = table.description();
        Map<String, String> current = read(description);
        for (JsonNode tag : tags) {
            current.put(Json.text(tag, "Key"), Json.text(tag, "Value"));
        }
        if (current.size() > MAX_TAGS) {
            throw DynamoException.validation("One or more parameter values were invalid: The number of tags "
                    + "exceeds the limit of " + MAX_TAGS);
        }
        write(description, current);
        ctx.catalog().update(table.withDescription(description));
        return null;
    }

    public ObjectNode untagResource(String region, ObjectNode request) {
        String arn = Json.text(request, "ResourceArn");
        JsonNode keys = Json.array(request, "TagKeys");
        new Constraints().notNull(arn, "resourceArn").notNull(keys, "tagKeys").check();
        TableMeta table = tableOf(region, arn);
        ObjectNode description = table.description();
        Map<String, String> current = read(description);
        for (JsonNode key : keys) {
            current.remove(Json.text(key));
        }
        write(description, current);
        ctx.catalog().update(table.withDescription(description));
        return null;
    }

    public ObjectNode listTagsOfResource(String region, ObjectNode request) {
        String arn = Json.text(request, "ResourceArn");
        new Constraints().notNull(arn, "resourceArn").check();
        TableMeta table = tableOf(region, arn);
        ObjectNode response = NODES.objectNode();
        ArrayNode out = response.putArray("Tags");
        read(table.description()).forEach((k, v) -> out.add(NODES.objectNode().put("Key", k).put("Value", v)));
        return response;
    }

    /** Checks a list of tags as DynamoDB does. */
    static void validate(JsonNode tags) {
        if (tags == null) {
            return;
        }
        if (tags.size() > MAX_TAGS) {
            throw DynamoException.validation("One or more parameter values were invalid: The number of tags "
                    + "exceeds the limit of " + MAX_TAGS);
        }
        Constraints constraints = new Constraints();
        int i = 1;
        for (JsonNode tag : tags) {
            String key = Json.text(tag, "Key");
            String value = Json.text(tag, "Value");
            String path = "tags." + i + ".member";
            constraints.notNull(key, path + ".key").notNull(value, path + ".value");
            if (key != null) {
                if (key.isEmpty() || key.codePointCount(0, key.length()) > 128) {
                    constraints.violation(key, path + ".key", key.isEmpty()
                            ? "Member must have length greater than or equal to 1"
                            : "Member must have length less than or equal to 128");
                }
                if (!ALLOWED.matcher(key).matches()) {
                    constraints.violation(key, path + ".key",
                            "Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");
                }
            }
            if (value != null) {
                if (value.codePointCount(0, value.length()) > 256) {
                    constraints.violation(value, path + ".value", "Member must have length less than or equal to 256");
                }
                if (!ALLOWED.matcher(value).matches()) {
                    constraints.violation(value, path + ".value",
                            "Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");
                }
            }
            i++;
        }
        constraints.check();
    }

    /** Stores the tags given at creation. */
    static void initial(ObjectNode description, JsonNode tags) {
        if (tags == null) {
            return;
        }
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(t -> map.put(Json.text(t, "Key"), Json.text(t, "Value")));
        write(description, map);
    }

    private TableMeta tableOf(String region, String arn) {
        String prefix = "arn:aws:dynamodb:" + region + ":";
        int slash = arn.indexOf(":table/");
        if (!arn.startsWith("arn:") || slash < 0) {
            throw DynamoException.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
        }
        String rest = arn.substring(slash + ":table/".length());
        if (rest.contains("/")) {
            throw DynamoException.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
        }
        if (!arn.startsWith(prefix)) {
            throw DynamoException.resourceNotFound("Requested resource not found: ResourcArn: " + arn + " not found");
        }
        return ctx.catalog().find(region, rest).filter(t -> t.arn().equals(arn)).orElseThrow(() ->
                DynamoException.resourceNotFound("Requested resource not found: ResourcArn: " + arn + " not found"));
    }

    private static Map<String, String> read(ObjectNode description) {
        Map<String, String> map = new LinkedHashMap<>();
        JsonNode stored = description.get(FIELD);
        if (stored != null) {
            Iterator<Map.Entry<String, JsonNode>> it = stored.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                map.put(e.getKey(), e.getValue().asText());
            }
        }
        return map;
    }

    private static void write(ObjectNode description, Map<String, String> tags) {
        ObjectNode stored = description.putObject(FIELD);
        tags.forEach(stored::put);
    }
}
