package dev.dynamotest.core.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.capacity.CapacityUsage;
import dev.dynamotest.core.PriceTable;
import dev.dynamotest.core.capacity.TableCost;
import dev.dynamotest.core.internal.capacity.CapacityModel;
import dev.dynamotest.core.internal.storage.TableMeta;

/**
 * What a table's metered traffic, provisioned capacity and storage would cost, by the engine's clock since the
 * table is metered: the figures of a {@link TableCost}.
 */
public final class Costs {

    private static final double HOUR_MICROS = 3_600_000_000.0;
    private static final double HOURS_PER_MONTH = 730;
    private static final double GB = 1024.0 * 1024 * 1024;

    private final EngineContext ctx;
    private final PriceTable prices;

    public Costs(EngineContext ctx, PriceTable prices) {
        this.ctx = ctx;
        this.prices = prices;
    }

    /** The cost of a table; IllegalArgumentException when the region has no such table. */
    public TableCost of(String region, String name) {
        TableMeta table = ctx.catalog().find(region, name).orElseThrow(() -> new IllegalArgumentException(
                "no table " + name + " in " + region));
        ObjectNode d = table.description();
        String mode = d.path("BillingModeSummary").path("BillingMode").asText(Throughputs.PROVISIONED);
        String tableClass = d.path("TableClassSummary").path("TableClass").asText(TableCost.STANDARD);
        CapacityModel capacity = ctx.writes().capacity();
        double hours = Math.max(0, (capacity.now() - capacity.since(table)) / HOUR_MICROS);
        CapacityUsage own = capacity.usage(region, name, null);
        double reads = own.consumedReadUnits();
        double writes = own.consumedWriteUnits();
        double readCapacity = capacity(d, "ReadCapacityUnits", own.peakReadUnitsPerSecond(), mode);
        double writeCapacity = capacity(d, "WriteCapacityUnits", own.peakWriteUnitsPerSecond(), mode);
        for (JsonNode gsi : d.path("GlobalSecondaryIndexes")) {
            CapacityUsage index = capacity.usage(region, name, gsi.path("IndexName").asText());
            reads += index.consumedReadUnits();
            writes += index.consumedWriteUnits();
            readCapacity += capacity(gsi, "ReadCapacityUnits", index.peakReadUnitsPerSecond(), mode);
            writeCapacity += capacity(gsi, "WriteCapacityUnits", index.peakWriteUnitsPerSecond(), mode);
        }
        double gbMonths = ctx.items().countAndSize(table)[1] / GB * hours / HOURS_PER_MONTH;
        return new TableCost(region, name, tableClass, mode, reads, writes, readCapacity * hours,
                writeCapacity * hours, gbMonths, prices);
    }

    /** Provisioned units of a table or index; on demand, what provisioned mode would need: the peak, at least 1. */
    private static double capacity(JsonNode description, String member, double peak, String mode) {
        if (Throughputs.PROVISIONED.equals(mode)) {
            return description.path("ProvisionedThroughput").path(member).asDouble();
        }
        return Math.max(1, Math.ceil(peak));
    }
}
