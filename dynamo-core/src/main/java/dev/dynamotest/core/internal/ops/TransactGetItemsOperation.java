package dev.dynamotest.core.internal.ops;

import static dev.dynamotest.core.internal.ops.TableDescriptions.NODES;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.internal.protocol.AttributeValueJson;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TransactGetItems: up to 100 Get actions read at one point of the commit order (no write lands between
 * them), each with its own projection; transactional reads cost double.
 */
final class TransactGetItemsOperation implements Operation {

    private final EngineContext ctx;

    TransactGetItemsOperation(EngineContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public ObjectNode execute(String region, ObjectNode request) {
        String capacityMode = Capacity.mode(Json.text(request, "ReturnConsumedCapacity"));
        List<TransactActions.Get> gets = TransactActions.gets(ctx, region, Json.array(request, "TransactItems"));
        List<WritePath.Read> reads = new ArrayList<>(gets.size());
        for (TransactActions.Get get : gets) {
            reads.add(new WritePath.Read(get.table(), get.key()));
        }
        List<Map<String, AttributeValue>> items = ctx.writes().read(reads);
        ObjectNode response = NODES.objectNode();
        ArrayNode responses = response.putArray("Responses");
        CapacityTally capacity = new CapacityTally(capacityMode, true);
        for (int i = 0; i < gets.size(); i++) {
            Map<String, AttributeValue> item = items.get(i);
            ObjectNode entry = responses.addObject();
            if (item != null) {
                entry.set("Item", AttributeValueJson.encodeItem(gets.get(i).expressions().project(item)));
            }
            capacity.add(gets.get(i).table().name(), 2 * Capacity.readUnits(item == null ? 0 : ItemSize.of(item),
                    true));
        }
        capacity.addTo(response);
        return response;
    }
}
