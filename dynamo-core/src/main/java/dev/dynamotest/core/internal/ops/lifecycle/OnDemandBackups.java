package dev.dynamotest.core.internal.ops.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.protocol.ListPage;
import dev.dynamotest.core.internal.routing.OperationCaller;
import dev.dynamotest.core.internal.storage.BackupStore;
import dev.dynamotest.core.internal.storage.ItemStore;
import dev.dynamotest.core.internal.storage.StoredKey;
import dev.dynamotest.core.internal.storage.StoredRow;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.EngineContext;
import dev.dynamotest.core.model.AttributeValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * On-demand backups: CreateBackup, DescribeBackup, ListBackups, DeleteBackup and RestoreTableFromBackup. A backup
 * is a copy of the table's items and description taken at one point of the commit order; it is AVAILABLE at once
 * (CreateBackup answers CREATING, as DynamoDB does) and outlives its table.
 */
final class OnDemandBackups {

    private static final String SOURCE = "__Source";
    private static final int PAGE = 1000;
    private static final Comparator<ObjectNode> ORDER = Comparator
            .comparingLong((ObjectNode b) -> createdMillis(b.path("BackupDetails").path("BackupArn").asText()))
            .thenComparing(b -> b.path("BackupDetails").path("BackupArn").asText());

    private final EngineContext ctx;
    private final BackupStore store;
    private final TableRestore restore;

    OnDemandBackups(EngineContext ctx, BackupStore store, OperationCaller operations) {
        this.ctx = ctx;
        this.store = store;
        this.restore = new TableRestore(ctx, operations);
    }

    ObjectNode createBackup(String region, ObjectNode request) {
        String tableName = Json.text(request, "TableName");
        String backupName = Json.text(request, "BackupName");
        new Constraints().notNull(tableName, "tableName").tableName(backupName, "backupName").check();
        TableMeta table = Requests.table(ctx, region, tableName);
        Instant now = ctx.config().clock().now();
        String arn = table.arn() + "/backup/" + String.format("%014d-%08x", now.toEpochMilli(),
                ThreadLocalRandom.current().nextInt());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        ctx.writes().atCommitPoint(() -> {
            StoredKey after = null;
            while (true) {
                List<StoredRow> page = ctx.items().scan(table, ItemStore.BASE, Integer.MIN_VALUE, Integer.MAX_VALUE,
                        after, PAGE);
                page.forEach(row -> items.add(row.item()));
                if (page.size() < PAGE) {
                    return null;
                }
                after = page.get(page.size() - 1).key();
            }
        });
        long size = ctx.items().countAndSize(table)[1];
        ObjectNode source = table.description();
        source.remove(LifecycleState.FIELD);
        ObjectNode meta = TableRestore.NODES.objectNode();
        ObjectNode details = meta.putObject("BackupDetails");
        details.put("BackupArn", arn);
        details.put("BackupName", backupName);
        details.put("BackupSizeBytes", size);
        details.put("BackupStatus", "AVAILABLE");
        details.put("BackupType", "USER");
        details.put("BackupCreationDateTime", TableRestore.seconds(now));
        meta.set("SourceTableDetails", sourceDetails(source, items.size(), size));
        meta.set("SourceTableFeatureDetails", featureDetails(table, source));
        meta.set(SOURCE, source);
        store.save(arn, region, now, meta, items);
        ObjectNode response = TableRestore.NODES.objectNode();
        ObjectNode answered = response.putObject("BackupDetails");
        answered.setAll(details);
        answered.put("BackupStatus", "CREATING");
        return response;
    }

    ObjectNode describeBackup(String region, ObjectNode request) {
        ObjectNode backup = backup(region, request);
        ObjectNode response = TableRestore.NODES.objectNode();
        response.set("BackupDescription", visible(backup));
        return response;
    }

    ObjectNode deleteBackup(String region, ObjectNode request) {
        ObjectNode backup = backup(region, request);
        store.delete(backup.path("BackupDetails").path("BackupArn").asText());
        ObjectNode description = visible(backup);
        ((ObjectNode) description.get("BackupDetails")).put("BackupStatus", "DELETED");
        ObjectNode response = TableRestore.NODES.objectNode();
        response.set("BackupDescription", description);
        return response;
    }

    ObjectNode listBackups(String region, ObjectNode request) {
        String tableName = Json.text(request, "TableName");
        Long limit = Json.integer(request, "Limit");
        String type = Json.text(request, "BackupType");
        String start = Json.text(request, "ExclusiveStartBackupArn");
        Instant lower = Requests.time(request, "TimeRangeLowerBound");
        Instant upper = Requests.time(request, "TimeRangeUpperBound");
        Constraints constraints = new Constraints().range(limit, "limit", 1, 100)
                .oneOf(type, "backupType", "USER", "SYSTEM", "AWS_BACKUP", "ALL")
                .length(start, "exclusiveStartBackupArn", 37, 1024);
        if (tableName != null) {
            constraints.tableName(tableName, "tableName");
        }
        constraints.check();
        if (lower != null && upper != null && lower.isAfter(upper)) {
            throw DynamoException.validation("TimeRangeUpperBound must be greater than TimeRangeLowerBound");
        }
        List<ObjectNode> backups = new ArrayList<>(store.list(region));
        backups.sort(ORDER);
        ListPage<ObjectNode> page = ListPage.of(backups, backup -> {
            if (start != null && ORDER.compare(backup, keyOf(start)) <= 0) {
                return false;
            }
            JsonNode details = backup.path("BackupDetails");
            Instant created = Requests.time(details, "BackupCreationDateTime");
            return (tableName == null || tableName.equals(backup.path("SourceTableDetails").path("TableName").asText()))
                    && (type == null || "ALL".equals(type) || type.equals(details.path("BackupType").asText()))
                    && (lower == null || !created.isBefore(lower))
                    && (upper == null || created.isBefore(upper));
        }, limit == null ? 100 : limit.intValue());
        ObjectNode response = TableRestore.NODES.objectNode();
        ArrayNode summaries = response.putArray("BackupSummaries");
        page.elements().forEach(backup -> summaries.add(summary(backup)));
        if (page.more()) {
            response.put("LastEvaluatedBackupArn",
                    page.lastEvaluated(backup -> backup.path("BackupDetails").path("BackupArn").asText()));
        }
        return response;
    }

    ObjectNode restoreTableFromBackup(String region, ObjectNode request) {
        String target = Json.text(request, "TargetTableName");
        String arn = Json.text(request, "BackupArn");
        new Constraints().tableName(target, "targetTableName").notNull(arn, "backupArn")
                .length(arn, "backupArn", 37, 1024).check();
        ObjectNode backup = store.find(arn).orElseThrow(() -> notFound(arn));
        JsonNode details = backup.path("BackupDetails");
        ObjectNode response = TableRestore.NODES.objectNode();
        response.set("TableDescription", restore.restore(region, target, backup.path(SOURCE), request,
                store.items(arn), TableRestore.summary(backup.path("SourceTableDetails").path("TableArn").asText(),
                        arn, Requests.time(details, "BackupCreationDateTime"))));
        return response;
    }

    private ObjectNode backup(String region, ObjectNode request) {
        String arn = Json.text(request, "BackupArn");
        new Constraints().notNull(arn, "backupArn").length(arn, "backupArn", 37, 1024).check();
        return store.find(arn).orElseThrow(() -> notFound(arn));
    }

    private static DynamoException notFound(String arn) {
        return new DynamoException("BackupNotFoundException", "Backup not found: " + arn);
    }

    private static ObjectNode keyOf(String arn) {
        ObjectNode key = TableRestore.NODES.objectNode();
        key.putObject("BackupDetails").put("BackupArn", arn);
        return key;
    }

    private static long createdMillis(String arn) {
        int slash = arn.lastIndexOf('/');
        int dash = arn.indexOf('-', slash);
        try {
            return Long.parseLong(arn.substring(slash + 1, dash < 0 ? arn.length() : dash));
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            return Long.MIN_VALUE;
        }
    }

    private static ObjectNode visible(ObjectNode backup) {
        ObjectNode copy = backup.deepCopy();
        copy.remove(SOURCE);
        return copy;
    }

    private static ObjectNode summary(ObjectNode backup) {
        JsonNode details = backup.path("BackupDetails");
        JsonNode source = backup.path("SourceTableDetails");
        ObjectNode s = TableRestore.NODES.objectNode();
        s.set("TableName", source.get("TableName"));
        s.set("TableId", source.get("TableId"));
        s.set("TableArn", source.get("TableArn"));
        for (String field : new String[] {"BackupArn", "BackupName", "BackupCreationDateTime", "BackupStatus",
            "BackupType", "BackupSizeBytes"}) {
            s.set(field, details.get(field));
        }
        return s;
    }

    private static ObjectNode sourceDetails(ObjectNode source, long itemCount, long size) {
        ObjectNode d = TableRestore.NODES.objectNode();
        d.set("TableName", source.get("TableName"));
        d.set("TableId", source.get("TableId"));
        d.set("TableArn", source.get("TableArn"));
        d.put("TableSizeBytes", size);
        d.set("KeySchema", source.get("KeySchema"));
        d.set("TableCreationDateTime", source.get("CreationDateTime"));
        ObjectNode pt = d.putObject("ProvisionedThroughput");
        pt.put("ReadCapacityUnits", source.path("ProvisionedThroughput").path("ReadCapacityUnits").asLong(0));
        pt.put("WriteCapacityUnits", source.path("ProvisionedThroughput").path("WriteCapacityUnits").asLong(0));
        if (source.has("OnDemandThroughput")) {
            d.set("OnDemandThroughput", source.get("OnDemandThroughput"));
        }
        d.put("ItemCount", itemCount);
        d.put("BillingMode", source.path("BillingModeSummary").path("BillingMode").asText("PROVISIONED"));
        return d;
    }

    private static ObjectNode featureDetails(TableMeta table, ObjectNode source) {
        ObjectNode f = TableRestore.NODES.objectNode();
        for (String kind : new String[] {"LocalSecondaryIndexes", "GlobalSecondaryIndexes"}) {
            if (!source.path(kind).isArray()) {
                continue;
            }
            ArrayNode out = f.putArray(kind);
            for (JsonNode index : source.path(kind)) {
                ObjectNode o = out.addObject();
                o.set("IndexName", index.get("IndexName"));
                o.set("KeySchema", index.get("KeySchema"));
                o.set("Projection", index.get("Projection"));
                if (index.has("ProvisionedThroughput")) {
                    ObjectNode pt = o.putObject("ProvisionedThroughput");
                    pt.set("ReadCapacityUnits", index.path("ProvisionedThroughput").get("ReadCapacityUnits"));
                    pt.set("WriteCapacityUnits", index.path("ProvisionedThroughput").get("WriteCapacityUnits"));
                }
            }
        }
        if (source.path("StreamSpecification").path("StreamEnabled").asBoolean(false)) {
            f.set("StreamDescription", source.get("StreamSpecification"));
        }
        String ttl = TimeToLiveOperations.attribute(table);
        ObjectNode ttlDescription = f.putObject("TimeToLiveDescription");
        ttlDescription.put("TimeToLiveStatus", ttl == null ? "DISABLED" : "ENABLED");
        if (ttl != null) {
            ttlDescription.put("AttributeName", ttl);
        }
        if (source.has("SSEDescription")) {
            f.set("SSEDescription", source.get("SSEDescription"));
        }
        return f;
    }
}
