package dev.dynamotest.core.internal.ops.transactions;

import static dev.dynamotest.core.internal.schema.TableDescriptions.NODES;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.capacity.ThrottlingError;
import dev.dynamotest.core.internal.protocol.AttributeValueJson;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.routing.OperationHandler;
import dev.dynamotest.core.internal.storage.ItemSize;
import dev.dynamotest.core.internal.write.Capacity;
import dev.dynamotest.core.internal.write.CapacityTally;
import dev.dynamotest.core.internal.write.EngineContext;
import dev.dynamotest.core.internal.write.WritePath;
import dev.dynamotest.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TransactGetItems: up to 100 Get actions read at one point of the commit order (no write lands between
 * them), each with its own projection; transactional reads cost double.
 */
final class TransactGetItemsOperation implements OperationHandler {

    private final EngineContext ctx;

    TransactGetItemsOperation(EngineContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public ObjectNode execute(String region, ObjectNode request) {
        String capacityMode = Capacity.mode(Json.text(request, "ReturnConsumedCapacity"));
        List<TransactActions.Get> gets = TransactActions.gets(ctx, region, Json.array(request, "TransactItems"));
        List<WritePath.Read> reads = new ArrayList<>(gets.size());
        List<DynamoException> throttles = new ArrayList<>(gets.size());
        boolean[] admitted = new boolean[gets.size()];
        boolean throttled = false;
        for (int i = 0; i < gets.size(); i++) {
            TransactActions.Get get = gets.get(i);
            reads.add(new WritePath.Read(get.table(), get.key()));
            try {
                admitted[i] = ctx.writes().capacity().admitRead(get.table(), null, partitionKey(get),
                        2 * Capacity.readUnits(0, true));
                throttles.add(null);
            } catch (ThrottlingError e) {
                throttles.add(e);
                throttled = true;
            }
        }
        if (throttled) {
            throw TransactionCanceledException.of(throttles);
        }
        List<Map<String, AttributeValue>> items = ctx.writes().read(reads);
        ObjectNode response = NODES.objectNode();
        ArrayNode responses = response.putArray("Responses");
        CapacityTally capacity = new CapacityTally(capacityMode, true);
        for (int i = 0; i < gets.size(); i++) {
            Map<String, AttributeValue> item = items.get(i);
            ObjectNode entry = responses.addObject();
            if (item != null) {
                entry.set("Item", AttributeValueJson.itemNode(gets.get(i).expressions().project(item)));
            }
            double units = 2 * Capacity.readUnits(item == null ? 0 : ItemSize.of(item), true);
            ctx.writes().capacity().chargeRead(gets.get(i).table(), null, partitionKey(gets.get(i)), units, admitted[i]);
            capacity.add(gets.get(i).table().name(), units);
        }
        capacity.addTo(response);
        return response;
    }

    private static AttributeValue partitionKey(TransactActions.Get get) {
        return get.key().get(get.table().hashKey().name());
    }
}
