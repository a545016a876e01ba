package dev.dynamotest.core.internal.ops.query;

import static dev.dynamotest.core.internal.schema.TableDescriptions.NODES;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.internal.expr.Condition;
import dev.dynamotest.core.internal.protocol.AttributeValueJson;
import dev.dynamotest.core.internal.storage.ItemSize;
import dev.dynamotest.core.internal.storage.StoredKey;
import dev.dynamotest.core.internal.storage.StoredRow;
import dev.dynamotest.core.internal.write.Capacity;
import dev.dynamotest.core.internal.write.EngineContext;
import dev.dynamotest.core.model.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * Reads one page of a Query or Scan as DynamoDB does: rows in order after the start position until Limit rows
 * were evaluated or the rows read reach 1 MB, then the filter, then the selection; answers with Items, Count,
 * ScannedCount, LastEvaluatedKey and ConsumedCapacity.
 */
final class PageReader {

    /** DynamoDB's page limit on the size of the rows read. */
    static final long PAGE_BYTES = 1024 * 1024;

    private static final int CHUNK = 100;

    /** A range of rows of a table or index, read in order: up to {@code limit} rows after a position. */
    @FunctionalInterface
    interface Rows {
        List<StoredRow> after(StoredKey position, int limit);
    }

    /** One page to read: where, from where, how many, and what to keep and return. */
    record Page(ReadTarget target, Rows rows, StoredKey start, Long limit, Condition filter, Selection selection,
            boolean consistent, String capacityMode, AttributeValue partitionKey) {
    }

    private final EngineContext ctx;

    PageReader(EngineContext ctx) {
        this.ctx = ctx;
    }

    ObjectNode read(Page page) {
        ReadTarget target = page.target();
        boolean admitted = ctx.writes().capacity().admitRead(target.table(), target.index(), page.partitionKey(),
                readUnits(page, 0));
        ArrayNode items = NODES.arrayNode();
        int count = 0;
        long scanned = 0;
        long bytesRead = 0;
        long bytesFetched = 0;
        StoredKey position = page.start();
        StoredRow last = null;
        boolean full = false;
        boolean unfiltered = page.filter() == Condition.ALWAYS;
        while (!full) {
            int want = page.limit() == null ? CHUNK : (int) Math.min(CHUNK, page.limit() - scanned);
            List<StoredRow> rows = page.rows().after(position, want);
            for (StoredRow row : rows) {
                scanned++;
                bytesRead += row.size();
                last = row;
                position = row.key();
                Map<String, AttributeValue> fetched = null;
                if (page.selection().fetchesFromTable()) {
                    fetched = ctx.items().get(target.table(), StoredKey.of(target.table(), row.item()));
                    bytesFetched += fetched == null ? 0 : ItemSize.of(fetched);
                }
                if ((!page.selection().fetchesFromTable() || fetched != null)
                        && (unfiltered || page.filter().test(fetched != null ? fetched : row.item()))) {
                    count++;
                    if (page.selection().returnsItems()) {
                        items.add(page.selection().returnsRows()
                                ? AttributeValueJson.storedItemNode(row.bytes())
                                : AttributeValueJson.itemNode(page.selection().output(row.item(), fetched)));
                    }
                }
                full = page.limit() != null && scanned >= page.limit() || bytesRead >= PAGE_BYTES;
                if (full) {
                    break;
                }
            }
            if (rows.size() < want) {
                break;
            }
        }
        ObjectNode response = NODES.objectNode();
        if (page.selection().returnsItems()) {
            response.set("Items", items);
        }
        response.put("Count", count);
        response.put("ScannedCount", scanned);
        if (full && last != null) {
            response.set("LastEvaluatedKey", AttributeValueJson.encodeItem(target.positionOf(last.item())));
        }
        charge(page, bytesRead, bytesFetched, admitted);
        ObjectNode consumed = capacity(page, bytesRead, bytesFetched);
        if (consumed != null) {
            response.set("ConsumedCapacity", consumed);
        }
        return response;
    }

    /** Charges the page's units: a global index's reads to the index alone, all others to the table. */
    private void charge(Page page, long bytesRead, long bytesFetched, boolean admitted) {
        ReadTarget target = page.target();
        double units = readUnits(page, bytesRead);
        if (!target.isGlobalIndex()) {
            units += target.isIndex() ? Capacity.readUnitsTotal(bytesFetched, page.consistent()) : 0;
            ctx.writes().capacity().chargeRead(target.table(), null, page.partitionKey(), units, admitted);
        } else {
            ctx.writes().capacity().chargeRead(target.table(), target.index(), null, units, admitted);
        }
    }

    private static double readUnits(Page page, long bytesRead) {
        double minimum = page.consistent() ? 1 : 0.5;
        return Math.max(minimum, Capacity.readUnitsTotal(bytesRead, page.consistent()));
    }

    private static ObjectNode capacity(Page page, long bytesRead, long bytesFetched) {
        boolean consistent = page.consistent();
        double readUnits = readUnits(page, bytesRead);
        ReadTarget target = page.target();
        if (!target.isIndex()) {
            return Capacity.consumedRead(page.capacityMode(), target.table().name(), readUnits, null, false, 0);
        }
        return Capacity.consumedRead(page.capacityMode(), target.table().name(),
                Capacity.readUnitsTotal(bytesFetched, consistent), target.index().name(), target.index().local(),
                readUnits);
    }
}
