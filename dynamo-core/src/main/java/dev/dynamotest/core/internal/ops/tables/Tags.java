package dev.dynamotest.core.internal.ops.tables;

import static dev.dynamotest.core.internal.schema.TableDescriptions.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.schema.TableDescriptions;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.EngineContext;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Table tags: TagResource, UntagResource, ListTagsOfResource, and the Tags of CreateTable. */
public final class Tags {

    /** Where a table's tags are kept inside its stored description (never returned by DescribeTable). */
    public static final String FIELD = TableDescriptions.TAGS_FIELD;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final int MAX_TAGS = 50;
    private static final String TOO_MANY = "Number of Tags exceed the current limit for the provided ResourceArn";

    private final EngineContext ctx;

    public Tags(EngineContext ctx) {
        this.ctx = ctx;
    }

    public ObjectNode tagResource(String region, ObjectNode request) {
        String arn = Json.text(request, "ResourceArn");
        JsonNode tags = Json.array(request, "Tags");
        authorize(arn, "TagResource");
        new Constraints().notNull(arn, "resourceArn").length(arn, "resourceArn", 1, 1283).notNull(tags, "tags")
                .check();
        if (tags.isEmpty()) {
            throw DynamoException.validation("Atleast one Tag needs to be provided as Input.");
        }
        validate(tags);
        synchronized (ctx.catalog()) {
            TableMeta table = tableOf(region, arn);
            ObjectNode description = table.description();
            Map<String, String> current = read(description);
            for (JsonNode tag : tags) {
                current.put(Json.text(tag, "Key"), Json.text(tag, "Value"));
            }
            if (current.size() > MAX_TAGS) {
                throw DynamoException.validation(TOO_MANY);
            }
            write(description, current);
            ctx.catalog().update(table.withDescription(description));
        }
        return null;
    }

    public ObjectNode untagResource(String region, ObjectNode request) {
        String arn = Json.text(request, "ResourceArn");
        JsonNode keys = Json.array(request, "TagKeys");
        authorize(arn, "UntagResource");
        Constraints constraints = new Constraints().notNull(arn, "resourceArn").length(arn, "resourceArn", 1, 1283)
                .notNull(keys, "tagKeys");
        if (keys != null) {
            int i = 1;
            for (JsonNode key : keys) {
                constraints.length(Json.text(key), "tagKeys." + i++ + ".member", 1, 128);
            }
        }
        constraints.check();
        if (keys.isEmpty()) {
            throw DynamoException.validation("Atleast one Tag Key needs to be provided as Input.");
        }
        synchronized (ctx.catalog()) {
            TableMeta table = tableOf(region, arn);
            ObjectNode description = table.description();
            Map<String, String> current = read(description);
            for (JsonNode key : keys) {
                current.remove(Json.text(key));
            }
            write(description, current);
            ctx.catalog().update(table.withDescription(description));
        }
        return null;
    }

    public ObjectNode listTagsOfResource(String region, ObjectNode request) {
        String arn = Json.text(request, "ResourceArn");
        authorize(arn, "ListTagsOfResource");
        new Constraints().notNull(arn, "resourceArn").length(arn, "resourceArn", 1, 1283).check();
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
        Constraints constraints = new Constraints();
        int i = 1;
        for (JsonNode tag : tags) {
            if (!tag.isObject()) {
                throw Json.unexpected(tag, "structure");
            }
            String path = "tags." + i++ + ".member";
            String key = Json.text(tag, "Key");
            String value = Json.text(tag, "Value");
            constraints.notNull(key, path + ".key").length(key, path + ".key", 1, 128)
                    .notNull(value, path + ".value").length(value, path + ".value", 0, 256);
        }
        constraints.check();
        Set<String> keys = new HashSet<>();
        for (JsonNode tag : tags) {
            String key = Json.text(tag, "Key");
            String value = Json.text(tag, "Value");
            if (!ALLOWED.matcher(key).matches()) {
                throw DynamoException.validation("The Tag Key provided is invalid, Key: " + key);
            }
            if (!ALLOWED.matcher(value).matches()) {
                throw DynamoException.validation("The Tag Value provided is invalid, Value: " + value);
            }
            if (key.startsWith("aws:")) {
                throw DynamoException.validation("Tag Key cannot be prefixed with aws:, Key: " + key);
            }
            if (!keys.add(key)) {
                throw DynamoException.validation("Duplicate Tag Keys provided as input: Duplicate Tag Key found "
                        + key);
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw DynamoException.validation(TOO_MANY);
        }
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

    /** What IAM answers for a resource that is not an ARN: no policy can grant access to it. */
    private void authorize(String arn, String operation) {
        if (arn != null && !arn.startsWith("arn:")) {
            throw new DynamoException(DynamoException.CORAL_NAMESPACE, "AccessDeniedException", 400, "User: arn:aws:iam::"
                    + ctx.config().accountId() + ":root is not authorized to perform: dynamodb:" + operation
                    + " on resource: " + arn, null);
        }
    }

    private TableMeta tableOf(String region, String arn) {
        String[] parts = arn.split(":", 6);
        boolean wellFormed = parts.length == 6 && parts[0].equals("arn") && parts[2].equals("dynamodb")
                && parts[5].startsWith("table/") && parts[5].length() > "table/".length()
                && parts[5].indexOf('/', "table/".length()) < 0;
        if (!wellFormed || !parts[3].equals(region) || !parts[4].equals(ctx.config().accountId())) {
            throw DynamoException.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
        }
        String name = parts[5].substring("table/".length());
        return ctx.catalog().find(region, name).orElseThrow(() ->
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
