package dev.dynamotest.core.internal.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.internal.storage.IndexMeta;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.model.AttributeValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lanes of one table: reads and writes of the table, of each global secondary index, and (when partition
 * limits are on) of each partition key. Configured from the table's description whenever it changes.
 */
final class TableLanes {

    /** DynamoDB's initial throughput of a new on-demand table or index, per second. */
    static final double ON_DEMAND_READS = 12_000;
    static final double ON_DEMAND_WRITES = 4_000;
    /** DynamoDB's limit per partition key value, per second. */
    static final double PARTITION_READS = 3_000;
    static final double PARTITION_WRITES = 1_000;

    /** One table or index: its name ({@code null} for the table), ARN and two lanes. */
    static final class Resource {
        final String index;
        final String arn;
        final Lane read = new Lane();
        final Lane write = new Lane();

        Resource(String index, String arn) {
            this.index = index;
            this.arn = arn;
        }
    }

    final String region;
    final String name;
    final long id;
    final Resource table;
    final Map<String, Resource> indexes = new HashMap<>();
    private final Map<AttributeValue, Resource> partitions = new HashMap<>();
    private TableMeta meta;
    private boolean provisioned;
    private Resource[] byPosition = new Resource[0];
    private final long epoch;
    private long started = Long.MIN_VALUE;

    /** The lanes of a table; none of its capacity dates from before {@code epoch} (microseconds). */
    TableLanes(TableMeta meta, long epoch) {
        this.epoch = epoch;
        this.region = meta.region();
        this.name = meta.name();
        this.id = meta.id();
        this.table = new Resource(null, meta.arn());
    }

    /** Brings the lanes to the table's current description; cheap when it did not change. */
    void configure(TableMeta current, long now) {
        if (current == meta) {
            return;
        }
        long micros = now;
        ObjectNode d = current.description();
        if (meta == null) {
            double created = d.path("CreationDateTime").asDouble(Double.NaN);
            // the description keeps milliseconds: the table was created within the millisecond after
            now = Double.isNaN(created) ? now : Math.min(now, Math.round(created * 1000) * 1000 + 999);
            now = Math.max(now, Math.min(epoch, micros));
        }
        if (started == Long.MIN_VALUE) {
            started = now;
        }
        provisioned = !"PAY_PER_REQUEST".equals(d.path("BillingModeSummary").path("BillingMode").asText());
        configure(table, d, now);
        List<IndexMeta> all = current.indexes();
        Resource[] positions = new Resource[all.size()];
        Map<String, JsonNode> gsis = new HashMap<>();
        for (JsonNode gsi : d.path("GlobalSecondaryIndexes")) {
            gsis.put(gsi.path("IndexName").asText(), gsi);
        }
        indexes.keySet().retainAll(gsis.keySet());
        for (int i = 0; i < all.size(); i++) {
            IndexMeta index = all.get(i);
            JsonNode gsi = gsis.get(index.name());
            if (gsi == null) {
                continue;
            }
            Resource r = indexes.computeIfAbsent(index.name(),
                    n -> new Resource(n, current.arn() + "/index/" + n));
            configure(r, gsi, now);
            positions[i] = r;
        }
        byPosition = positions;
        meta = current;
    }

    private void configure(Resource r, JsonNode d, long now) {
        if (provisioned) {
            JsonNode pt = d.path("ProvisionedThroughput");
            r.read.provisioned(pt.path("ReadCapacityUnits").asDouble(), now);
            r.write.provisioned(pt.path("WriteCapacityUnits").asDouble(), now);
            return;
        }
        JsonNode warm = d.path("WarmThroughput");
        JsonNode max = d.path("OnDemandThroughput");
        r.read.onDemand(Math.max(ON_DEMAND_READS, warm.path("ReadUnitsPerSecond").asDouble(0)),
                Math.max(0, max.path("MaxReadRequestUnits").asDouble(-1)));
        r.write.onDemand(Math.max(ON_DEMAND_WRITES, warm.path("WriteUnitsPerSecond").asDouble(0)),
                Math.max(0, max.path("MaxWriteRequestUnits").asDouble(-1)));
    }

    /** Since when the table is metered: its creation, or the last reset if later (microseconds). */
    long started() {
        return started;
    }

    boolean provisioned() {
        return provisioned;
    }

    /** The global secondary index at this position of {@link TableMeta#indexes()}, or {@code null}. */
    Resource indexAt(int position) {
        return position < byPosition.length ? byPosition[position] : null;
    }

    Resource index(String indexName) {
        return indexes.get(indexName);
    }

    /** The lanes of one partition key value of the table. */
    Resource partition(AttributeValue key) {
        Resource r = partitions.get(key);
        if (r == null) {
            r = new Resource(null, table.arn);
            r.read.fixed(PARTITION_READS);
            r.write.fixed(PARTITION_WRITES);
            partitions.put(key, r);
        }
        return r;
    }

    void resetUsage() {
        table.read.resetUsage();
        table.write.resetUsage();
        for (Resource r : indexes.values()) {
            r.read.resetUsage();
            r.write.resetUsage();
        }
        partitions.clear();
    }
}
