package dev.dynamotest.core.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.storage.TableMeta;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A table's StreamSpecification as CreateTable and UpdateTable set it: the spec, the stream label and ARN. */
final class Streams {

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private Streams() {
    }

    /** Applies the specification of a new table. */
    static void apply(TableMeta table, ObjectNode description, JsonNode spec, Instant now) {
        if (spec == null) {
            return;
        }
        boolean enabled = enabledAndValid(spec);
        if (enabled) {
            enable(table, description, Json.text(spec, "StreamViewType"), now);
        }
    }

    /** Applies UpdateTable's specification to an existing table. */
    static void update(TableMeta table, ObjectNode description, JsonNode spec, Instant now) {
        boolean enabled = enabledAndValid(spec);
        boolean current = description.path("StreamSpecification").path("StreamEnabled").asBoolean(false);
        if (enabled && current) {
            throw DynamoException.validation("Table already has an enabled stream: TableName: " + table.name());
        }
        if (!enabled && !current) {
            throw DynamoException.validation("Table already has no enabled stream: TableName: " + table.name());
        }
        if (enabled) {
            enable(table, description, Json.text(spec, "StreamViewType"), now);
        } else {
            description.remove("StreamSpecification");
        }
    }

    private static boolean enabledAndValid(JsonNode spec) {
        JsonNode enabledNode = spec.get("StreamEnabled");
        String viewType = Json.text(spec, "StreamViewType");
        new Constraints()
                .notNull(enabledNode == null || enabledNode.isNull() ? null : enabledNode,
                        "streamSpecification.streamEnabled")
                .oneOf(viewType, "streamSpecification.streamViewType", "NEW_IMAGE", "OLD_IMAGE",
                        "NEW_AND_OLD_IMAGES", "KEYS_ONLY")
                .check();
        boolean enabled = Json.bool(enabledNode);
        if (enabled && viewType == null) {
            throw DynamoException.validation("Stream View Type is required when stream is enabled");
        }
        if (!enabled && viewType != null) {
            throw DynamoException.validation(
                    "One or more parameter values were invalid: StreamViewType cannot be specified when "
                            + "StreamEnabled is false");
        }
        return enabled;
    }

    private static void enable(TableMeta table, ObjectNode description, String viewType, Instant now) {
        ObjectNode spec = description.putObject("StreamSpecification");
        spec.put("StreamEnabled", true);
        spec.put("StreamViewType", viewType);
        String label = LocalDateTime.ofInstant(now, ZoneOffset.UTC).format(LABEL);
        description.put("LatestStreamLabel", label);
        description.put("LatestStreamArn", table.arn() + "/stream/" + label);
    }
}
