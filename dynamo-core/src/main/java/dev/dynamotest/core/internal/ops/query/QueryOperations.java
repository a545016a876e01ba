package dev.dynamotest.core.internal.ops.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.expr.KeyCondition;
import dev.dynamotest.core.internal.expr.RequestExpressions;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.routing.Api;
import dev.dynamotest.core.internal.routing.Routes;
import dev.dynamotest.core.internal.storage.KeyAttribute;
import dev.dynamotest.core.internal.storage.KeyCodec;
import dev.dynamotest.core.internal.storage.KeyRange;
import dev.dynamotest.core.internal.storage.StoredKey;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.Capacity;
import dev.dynamotest.core.internal.write.EngineContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The Query operation: one partition of a table or index, within a sort key range, one page at a time. */
public final class QueryOperations {

    private static final String CONSTRAINT_PREFIX = "1 validation error detected: ";

    private final EngineContext ctx;
    private final PageReader reader;

    public QueryOperations(EngineContext ctx) {
        this.ctx = ctx;
        this.reader = new PageReader(ctx);
    }

    /** Registers Query, and Scan, which shares its page reading. */
    public void registerIn(Routes routes) {
        ScanOperations scans = new ScanOperations(ctx);
        routes.add(Api.DYNAMODB, "Query", this::query);
        routes.add(Api.DYNAMODB, "Scan", scans::scan);
    }

    public ObjectNode query(String region, ObjectNode request) {
        ReadRequest read = new ReadRequest(request);
        read.constraints().check();
        String capacityMode = Capacity.mode(Json.text(request, "ReturnConsumedCapacity"));
        boolean consistent = Json.bool(request, "ConsistentRead", false);
        boolean forward = Json.bool(request, "ScanIndexForward", true);
        ReadRequest.Start start = read.resolve(ctx, region, consistent, CONSTRAINT_PREFIX);
        ReadTarget target = start.target();
        TableMeta table = target.table();
        Long limit = read.limit();
        List<KeyAttribute> hashKeys = target.hashKeys();
        List<KeyAttribute> rangeKeys = target.rangeKeys();
        RequestExpressions rx = RequestExpressions.parse(request, RequestExpressions.Operation.QUERY,
                names(hashKeys), names(rangeKeys));
        KeyCondition condition = rx.keyCondition();
        Map<String, String> types = new HashMap<>();
        target.orderKeys().forEach(k -> types.put(k.name(), k.type()));
        condition.checkTypes(types);
        for (KeyAttribute hash : hashKeys) {
            if (KeyCodec.encode(condition.partition().get(hash.name())).length == 0) {
                throw DynamoException.validation("One or more parameter values are not valid. The AttributeValue for"
                        + " a key attribute cannot contain an empty " + ("S".equals(hash.type()) ? "string" : "binary")
                        + " value. Key: " + hash.name());
            }
        }
        var filterAttributes = rx.filter().topLevelAttributes();
        if (request.hasNonNull("FilterExpression")) {
            for (KeyAttribute key : target.orderKeys()) {
                if (filterAttributes.contains(key.name())) {
                    throw DynamoException.validation("Filter Expression can only contain non-primary key attributes:"
                            + " Primary key attribute: " + key.name());
                }
            }
        }
        Selection selection = Selection.of(request, target, rx.projection(), filterAttributes);
        StoredKey position = StartKeys.forQuery(target, start.key(), condition);
        byte[] partition = KeyCodec.encode(condition.hashValues());
        KeyRange keyRange = SortKeyRanges.of(condition.sortConditions(), rangeKeys.size());
        PageReader.Rows rows = (after, n) -> ctx.items().query(table, target.storeIndex(), partition, keyRange,
                forward, after, n);
        return reader.read(new PageReader.Page(target, rows, position, limit, rx.filter(), selection, consistent,
                capacityMode, target.isIndex() ? null : condition.hashValue()));
    }

    private static List<String> names(List<KeyAttribute> keys) {
        return keys.stream().map(KeyAttribute::name).toList();
    }
}
