package dev.dynamotest.junit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.utils.builder.SdkBuilder;
import software.amazon.awssdk.utils.builder.ToCopyableBuilder;

/**
 * The prefix that a test class's tables carry at an endpoint shared with others: tests and the code under test
 * use the declared names, the endpoint sees the prefixed ones. Rewrites the table names in SDK requests (adding
 * the prefix) and responses (taking it away), leaving item data alone.
 */
final class TableNamePrefix {

    /** Members that hold a table name. */
    private static final Set<String> NAME_MEMBERS = Set.of("TableName", "TargetTableName", "SourceTableName",
            "GlobalTableName", "ExclusiveStartTableName", "LastEvaluatedTableName");
    /** Members that are maps keyed by table name. */
    private static final Set<String> MAPS_BY_TABLE = Set.of("RequestItems", "Responses", "UnprocessedItems",
            "UnprocessedKeys", "ItemCollectionMetrics");
    /** Members that hold item data, which is never rewritten. */
    private static final Set<String> DATA_MEMBERS = Set.of("Item", "Items", "Key", "Keys", "Attributes",
            "ExpressionAttributeValues", "ExclusiveStartKey", "LastEvaluatedKey", "Expected", "AttributeUpdates",
            "KeyConditions", "QueryFilter", "ScanFilter", "NewImage", "OldImage", "ItemCollectionKey", "Parameters");

    private final String prefix;

    TableNamePrefix(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    /** The name at the endpoint of a table the tests call {@code name}. */
    String physical(String name) {
        return prefix + name;
    }

    /** Whether a name at the endpoint belongs to this prefix. */
    boolean owns(String physicalName) {
        return physicalName.startsWith(prefix) && physicalName.length() > prefix.length();
    }

    /** The name the tests use for a table at the endpoint; names of other tables are left as they are. */
    String logical(String physicalName) {
        return owns(physicalName) ? physicalName.substring(prefix.length()) : physicalName;
    }

    /** A message of the endpoint with the prefix taken out of the table names it mentions. */
    String message(String message) {
        return message == null ? null : message.replace(prefix, "");
    }

    /** A JSON request body whose top-level {@code TableName} names the table at the endpoint. */
    ObjectNode toEndpoint(ObjectNode body) {
        ObjectNode copy = body.deepCopy();
        if (copy.path("TableName").isTextual()) {
            copy.put("TableName", physical(copy.get("TableName").asText()));
        }
        return copy;
    }

    /** An SDK request as the endpoint must see it; adds the (declared) table names it names to {@code names}. */
    <T extends SdkPojo> T toEndpoint(T request, Collection<String> names) {
        return rewrite(request, true, names);
    }

    /** An SDK response as the tests must see it; ListTables shows only this prefix's tables. */
    <T extends SdkPojo> T fromEndpoint(T response) {
        return rewrite(response, false, new ArrayList<>());
    }

    @SuppressWarnings("unchecked")
    private <T extends SdkPojo> T rewrite(T pojo, boolean outgoing, Collection<String> names) {
        if (!(pojo instanceof ToCopyableBuilder<?, ?> copyable) || pojo.getClass().getSimpleName()
                .equals("AttributeValue")) {
            return pojo;
        }
        Object builder = null;
        for (SdkField<?> field : pojo.sdkFields()) {
            String member = field.memberName();
            Object value = field.getValueOrDefault(pojo);
            if (value == null || DATA_MEMBERS.contains(member)) {
                continue;
            }
            Object rewritten = rewriteValue(member, value, outgoing, names);
            if (rewritten != value) {
                if (builder == null) {
                    builder = copyable.toBuilder();
                }
                field.set(builder, rewritten);
            }
        }
        return builder == null ? pojo : (T) ((SdkBuilder<?, ?>) builder).build();
    }

    private Object rewriteValue(String member, Object value, boolean outgoing, Collection<String> names) {
        if (value instanceof String text) {
            if (NAME_MEMBERS.contains(member)) {
                names.add(text);
                return outgoing ? physical(text) : logical(text);
            }
            if (member.endsWith("Arn") && text.startsWith("arn:")) {
                return arn(text, outgoing, names);
            }
            return value;
        }
        if (value instanceof SdkPojo pojo) {
            return rewrite(pojo, outgoing, names);
        }
        if (value instanceof Map<?, ?> map) {
            return map(member, map, outgoing, names);
        }
        if (value instanceof List<?> list) {
            if (member.equals("TableNames") && !outgoing) {
                return list.stream().map(String.class::cast).filter(this::owns).map(this::logical).toList();
            }
            return list(member, list, outgoing, names);
        }
        return value;
    }

    private Object map(String member, Map<?, ?> map, boolean outgoing, Collection<String> names) {
        boolean byTable = MAPS_BY_TABLE.contains(member);
        Map<Object, Object> rewritten = new LinkedHashMap<>();
        boolean changed = false;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object key = entry.getKey();
            if (byTable && key instanceof String name) {
                names.add(name);
                key = outgoing ? physical(name) : logical(name);
            }
            Object value = rewriteValue(byTable ? "" : member, entry.getValue(), outgoing, names);
            changed |= key != entry.getKey() || value != entry.getValue();
            rewritten.put(key, value);
        }
        return changed ? rewritten : map;
    }

    private Object list(String member, Collection<?> list, boolean outgoing, Collection<String> names) {
        List<Object> rewritten = new ArrayList<>(list.size());
        boolean changed = false;
        for (Object element : list) {
            Object value = rewriteValue(member, element, outgoing, names);
            changed |= value != element;
            rewritten.add(value);
        }
        return changed ? rewritten : list;
    }

    /** An ARN whose {@code table/NAME} part is rewritten: {@code arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/...}. */
    private String arn(String arn, boolean outgoing, Collection<String> names) {
        int start = arn.indexOf(":table/");
        if (start < 0) {
            return arn;
        }
        start += ":table/".length();
        int end = arn.indexOf('/', start);
        String name = end < 0 ? arn.substring(start) : arn.substring(start, end);
        String rest = end < 0 ? "" : arn.substring(end);
        if (outgoing && end < 0) {
            names.add(name);
        }
        return arn.substring(0, start) + (outgoing ? physical(name) : logical(name)) + rest;
    }
}
