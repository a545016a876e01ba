package dev.dynamotest.core.internal.ops.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.expr.RequestExpressions;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.storage.StoredKey;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.Capacity;
import dev.dynamotest.core.internal.write.EngineContext;

/**
 * The Scan operation: every row of a table or index in partition-hash order, one page at a time; a parallel
 * scan reads one of TotalSegments contiguous ranges of the signed 32-bit partition-hash space.
 */
public final class ScanOperations {

    private final EngineContext ctx;
    private final PageReader reader;

    public ScanOperations(EngineContext ctx) {
        this.ctx = ctx;
        this.reader = new PageReader(ctx);
    }

    public ObjectNode scan(String region, ObjectNode request) {
        ReadRequest read = new ReadRequest(request);
        Long limit = read.limit();
        Long segment = Json.integer(request, "Segment");
        Long totalSegments = Json.integer(request, "TotalSegments");
        read.constraints()
                .range(segment, "segment", 0, 999_999)
                .range(totalSegments, "totalSegments", 1, 1_000_000).check();
        checkSegments(segment, totalSegments);
        String capacityMode = Capacity.mode(Json.text(request, "ReturnConsumedCapacity"));
        boolean consistent = Json.bool(request, "ConsistentRead", false);
        ReadRequest.Start start = read.resolve(ctx, region, consistent, "");
        ReadTarget target = start.target();
        TableMeta table = target.table();
        RequestExpressions rx = RequestExpressions.parse(request, RequestExpressions.Operation.SCAN);
        Selection selection = Selection.of(request, target, rx.projection(), rx.filter().topLevelAttributes());
        StoredKey position = StartKeys.forScan(target, start.key());
        int total = totalSegments == null ? 1 : totalSegments.intValue();
        int index = segment == null ? 0 : segment.intValue();
        int from = segmentStart(index, total);
        int to = index + 1 == total ? Integer.MAX_VALUE : segmentStart(index + 1, total) - 1;
        if (position != null && (position.hash() < from || position.hash() > to)) {
            throw DynamoException.validation("The provided starting key is invalid: Invalid ExclusiveStartKey."
                    + " Please use ExclusiveStartKey with correct Segment. TotalSegments: " + total
                    + " Segment: " + index);
        }
        PageReader.Rows rows = (after, n) -> ctx.items().scan(table, target.storeIndex(), from, to, after, n);
        return reader.read(new PageReader.Page(target, rows, position, limit, rx.filter(), selection, consistent,
                capacityMode, null));
    }

    private static void checkSegments(Long segment, Long totalSegments) {
        if (segment != null && totalSegments == null) {
            throw DynamoException.validation("The TotalSegments parameter is required but was not present in the"
                    + " request when Segment parameter is present");
        }
        if (totalSegments != null && segment == null) {
            throw DynamoException.validation("The Segment parameter is required but was not present in the request"
                    + " when parameter TotalSegments is present");
        }
        if (segment != null && segment >= totalSegments) {
            throw DynamoException.validation("The Segment parameter is zero-based and must be less than parameter"
                    + " TotalSegments: Segment: " + segment + " is not less than TotalSegments: " + totalSegments);
        }
    }

    /** The first partition hash of a segment: the signed 32-bit space cut into equal contiguous ranges. */
    static int segmentStart(int segment, int totalSegments) {
        long span = 1L << 32;
        return (int) (Integer.MIN_VALUE + span * segment / totalSegments);
    }
}
