package dev.dynamotest.core.internal.schema;

import static dev.dynamotest.core.internal.schema.Throughputs.INVALID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.EngineContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A table's StreamSpecification as CreateTable and UpdateTable set it (the spec, the stream label and ARN), and
 * the stream catalog kept in step: enabling opens a stream with a new ARN, disabling or deleting the table
 * disables it.
 */
public final class Streams {

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private Streams() {
    }

    /** Applies the specification of a new table. */
    public static void apply(EngineContext ctx, TableMeta table, ObjectNode description, JsonNode spec, Instant now) {
        if (spec == null) {
            return;
        }
        String viewType = Json.text(spec, "StreamViewType");
        boolean enabled = enabled(spec, viewType);
        if (enabled && viewType == null) {
            throw DynamoException.validation(INVALID + "Table is being created with a stream enabled, "
                    + "UpdateViewType is required");
        }
        if (!enabled && viewType != null) {
            throw DynamoException.validation(INVALID + "Table is being created with a stream disabled, "
                    + "UpdateViewType should not be specified");
        }
        if (enabled) {
            enable(ctx, table, description, viewType, now);
        }
    }

    /** Applies UpdateTable's specification to an existing table. */
    public static void update(EngineContext ctx, TableMeta table, ObjectNode description, JsonNode spec, Instant now) {
        String viewType = Json.text(spec, "StreamViewType");
        boolean enabled = enabled(spec, viewType);
        if (enabled && viewType == null) {
            throw DynamoException.validation(INVALID + "If stream is being enabled then UpdateViewType is required");
        }
        if (!enabled && viewType != null) {
            throw DynamoException.validation(INVALID + "If stream is being disabled, then UpdateViewType must not "
                    + "be specified");
        }
        boolean current = isEnabled(description);
        if (enabled && current) {
            throw DynamoException.validation("Table already has an enabled stream: TableName: " + table.name());
        }
        if (!enabled && !current) {
            throw DynamoException.validation("Table has no stream to disable: TableName: " + table.name());
        }
        if (enabled) {
            enable(ctx, table, description, viewType, now);
        } else {
            description.remove("StreamSpecification");
        }
    }

    /** Whether the described table has an enabled stream. */
    public static boolean isEnabled(JsonNode description) {
        return description.path("StreamSpecification").path("StreamEnabled").asBoolean(false);
    }

    private static boolean enabled(JsonNode spec, String viewType) {
        JsonNode enabledNode = spec.get("StreamEnabled");
        new Constraints()
                .notNull(enabledNode == null || enabledNode.isNull() ? null : enabledNode,
                        "streamSpecification.streamEnabled")
                .oneOf(viewType, "streamSpecification.streamViewType", "NEW_IMAGE", "OLD_IMAGE",
                        "NEW_AND_OLD_IMAGES", "KEYS_ONLY")
                .check();
        return Json.bool(enabledNode);
    }

    private static void enable(EngineContext ctx, TableMeta table, ObjectNode description, String viewType,
            Instant now) {
        ObjectNode spec = description.putObject("StreamSpecification");
        spec.put("StreamEnabled", true);
        spec.put("StreamViewType", viewType);
        String label = LocalDateTime.ofInstant(now, ZoneOffset.UTC).format(LABEL);
        String previous = description.path("LatestStreamLabel").asText("");
        if (label.compareTo(previous) <= 0) {
            label = next(previous);
        }
        while (ctx.streams().exists(table.arn() + "/stream/" + label)) {
            label = next(label);
        }
        description.put("LatestStreamLabel", label);
        description.put("LatestStreamArn", table.arn() + "/stream/" + label);
    }

    /**
     * Brings the stream catalog in step with a table change: {@code before} is {@code null} for a new table,
     * {@code after} is {@code null} for a deleted one.
     */
    public static void publish(EngineContext ctx, TableMeta before, TableMeta after, Instant now) {
        String was = before != null && isEnabled(before.description())
                ? before.description().path("LatestStreamArn").asText() : null;
        String is = after != null && isEnabled(after.description())
                ? after.description().path("LatestStreamArn").asText() : null;
        if (was != null && !was.equals(is)) {
            ctx.streams().close(before.region(), before.name(), now);
        }
        if (is != null && !is.equals(was)) {
            ctx.streams().open(after, now);
        }
    }

    private static String next(String label) {
        return LocalDateTime.parse(label, LABEL).plusNanos(1_000_000).format(LABEL);
    }
}
