package dev.dynamotest.core.internal.ops.transactions;

import static dev.dynamotest.core.internal.schema.TableDescriptions.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.routing.OperationHandler;
import dev.dynamotest.core.internal.storage.ItemSize;
import dev.dynamotest.core.internal.write.Capacity;
import dev.dynamotest.core.internal.write.CapacityTally;
import dev.dynamotest.core.internal.write.EngineContext;
import dev.dynamotest.core.internal.write.ItemChange;
import dev.dynamotest.core.internal.write.ItemCollections;
import dev.dynamotest.core.internal.write.WritePath;
import dev.dynamotest.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TransactWriteItems: up to 100 Put, Update, Delete and ConditionCheck actions over several tables, applied
 * all or none in one call of the write path. A failed transaction reports every action's outcome in a
 * {@link TransactionCanceledException}; a ClientRequestToken makes a retry return the first result.
 */
final class TransactWriteItemsOperation implements OperationHandler {

    private static final String USER = "user";

    private final EngineContext ctx;
    private final ClientTokens tokens;

    TransactWriteItemsOperation(EngineContext ctx) {
        this.ctx = ctx;
        this.tokens = new ClientTokens(ctx.config().clock());
    }

    @Override
    public ObjectNode execute(String region, ObjectNode request) {
        JsonNode transactItems = Json.array(request, "TransactItems");
        String token = Json.text(request, "ClientRequestToken");
        String metrics = Json.text(request, "ReturnItemCollectionMetrics");
        Constraints constraints = new Constraints().oneOf(metrics, "returnItemCollectionMetrics", "SIZE", "NONE");
        if (token != null && token.isEmpty()) {
            constraints.violation(token, "clientRequestToken", "Member must have length greater than or equal to 1");
        }
        if (token != null && token.length() > 36) {
            constraints.violation(token, "clientRequestToken", "Member must have length less than or equal to 36");
        }
        constraints.check();
        String capacityMode = Capacity.mode(Json.text(request, "ReturnConsumedCapacity"));
        List<ItemChange> changes = TransactActions.writes(ctx, region, transactItems);
        if (token == null) {
            return respond(run(changes, capacityMode, metrics), false, capacityMode);
        }
        ObjectNode fingerprint = request.deepCopy();
        fingerprint.remove(List.of("ClientRequestToken", "ReturnConsumedCapacity"));
        ClientTokens.Result result = tokens.runOnce(region, token, fingerprint, () -> run(changes, capacityMode, metrics));
        return respond(result.done(), result.replayed(), capacityMode);
    }

    private ClientTokens.Done run(List<ItemChange> changes, String capacityMode, String metrics) {
        List<WritePath.Write> writes = new ArrayList<>(changes.size());
        for (ItemChange change : changes) {
            writes.add(change.write(USER));
        }
        List<WritePath.Outcome> outcomes;
        try {
            outcomes = ctx.writes().applyAll(writes);
        } catch (WritePath.Rejected rejected) {
            throw TransactionCanceledException.of(rejected.failures());
        }
        CapacityTally writeUnits = new CapacityTally(capacityMode, false);
        Map<String, Double> readUnits = new LinkedHashMap<>();
        ItemCollections collections = ItemCollections.of(ctx.items(), metrics);
        for (int i = 0; i < changes.size(); i++) {
            String table = changes.get(i).table().name();
            if (changes.get(i).kind() != ItemChange.Kind.CHECK) {
                collections.written(changes.get(i).table(), changes.get(i).key());
            }
            WritePath.Outcome outcome = outcomes.get(i);
            writeUnits.add(table, outcome.writeUnits());
            readUnits.merge(table, Capacity.readUnits(size(outcome.newImage()), true), Double::sum);
        }
        ObjectNode response = NODES.objectNode();
        collections.addPerTableTo(response);
        return new ClientTokens.Done(response, writeUnits, readUnits);
    }

    private static ObjectNode respond(ClientTokens.Done done, boolean replayed, String capacityMode) {
        ObjectNode response = done.response().deepCopy();
        if (!replayed) {
            done.writeUnits().addTo(response);
            return response;
        }
        CapacityTally reads = new CapacityTally(capacityMode, true);
        done.readUnits().forEach(reads::add);
        reads.addTo(response);
        return response;
    }

    private static int size(Map<String, AttributeValue> item) {
        return item == null ? 0 : ItemSize.of(item);
    }
}
