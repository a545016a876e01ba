package dev.dynamotest.faults.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.Operation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Partial batches: splits a BatchWriteItem's requests or a BatchGetItem's keys into those to handle and those
 * to hand back unprocessed (the last ones, so the split is the same on every run), and adds the withheld ones
 * to the response as UnprocessedItems or UnprocessedKeys.
 */
public final class Batches {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * A batch split in two.
     *
     * @param forward  the request to handle, or {@code null} when everything is withheld
     * @param withheld per table, the write requests (an array) or the keys (an object with {@code Keys}) withheld
     */
    public record Split(ObjectNode forward, ObjectNode withheld, int count) {
    }

    private Batches() {
    }

    /** Whether the operation is a batch this class can split. */
    public static boolean splits(Operation operation) {
        return operation == Operation.BATCH_WRITE_ITEM || operation == Operation.BATCH_GET_ITEM;
    }

    /**
     * Withholds {@code ceil(fraction * n)} of the n entries (of the table's entries only, when a table is given);
     * returns {@code null} when the request has nothing to withhold.
     */
    public static Split split(Operation operation, ObjectNode request, double fraction, String table) {
        JsonNode items = request.get("RequestItems");
        if (!splits(operation) || items == null || !items.isObject()) {
            return null;
        }
        boolean write = operation == Operation.BATCH_WRITE_ITEM;
        List<String[]> candidates = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = items.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (table != null && !table.equals(e.getKey())) {
                continue;
            }
            JsonNode entries = write ? e.getValue() : e.getValue().get("Keys");
            if (entries != null && entries.isArray()) {
                for (int i = 0; i < entries.size(); i++) {
                    candidates.add(new String[] {e.getKey(), String.valueOf(i)});
                }
            }
        }
        int count = (int) Math.min(candidates.size(), Math.ceil(fraction * candidates.size()));
        if (count == 0) {
            return null;
        }
        ObjectNode forward = request.deepCopy();
        ObjectNode forwardItems = (ObjectNode) forward.get("RequestItems");
        ObjectNode withheld = NODES.objectNode();
        List<String[]> chosen = candidates.subList(candidates.size() - count, candidates.size());
        for (int i = chosen.size() - 1; i >= 0; i--) {
            String name = chosen.get(i)[0];
            int position = Integer.parseInt(chosen.get(i)[1]);
            if (write) {
                ArrayNode entries = (ArrayNode) forwardItems.get(name);
                ArrayNode target = withheld.has(name) ? (ArrayNode) withheld.get(name) : withheld.putArray(name);
                target.insert(0, entries.remove(position));
                if (entries.isEmpty()) {
                    forwardItems.remove(name);
                }
            } else {
                ObjectNode tableRequest = (ObjectNode) forwardItems.get(name);
                ArrayNode keys = (ArrayNode) tableRequest.get("Keys");
                ObjectNode target = withheld.has(name) ? (ObjectNode) withheld.get(name) : unprocessedKeys(withheld,
                        name, tableRequest);
                ((ArrayNode) target.get("Keys")).insert(0, keys.remove(position));
                if (keys.isEmpty()) {
                    forwardItems.remove(name);
                }
            }
        }
        return new Split(forwardItems.isEmpty() ? null : forward, withheld, count);
    }

    private static ObjectNode unprocessedKeys(ObjectNode withheld, String name, ObjectNode tableRequest) {
        ObjectNode target = withheld.putObject(name);
        tableRequest.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("Keys")) {
                target.set(f.getKey(), f.getValue().deepCopy());
            }
        });
        target.putArray("Keys");
        return target;
    }

    /**
     * Removes from a BatchGetItem response the items of the withheld keys (an item is a key's when it holds every
     * attribute of the key with the same value), for a batch that was handled whole.
     */
    public static void removeResponses(ObjectNode response, Split split) {
        JsonNode responses = response.get("Responses");
        if (responses == null || !responses.isObject()) {
            return;
        }
        split.withheld().fields().forEachRemaining(e -> {
            JsonNode items = responses.get(e.getKey());
            if (items == null || !items.isArray()) {
                return;
            }
            for (JsonNode key : e.getValue().get("Keys")) {
                for (Iterator<JsonNode> it = items.iterator(); it.hasNext(); ) {
                    JsonNode item = it.next();
                    boolean same = true;
                    for (Iterator<Map.Entry<String, JsonNode>> k = key.fields(); k.hasNext() && same; ) {
                        Map.Entry<String, JsonNode> attribute = k.next();
                        same = attribute.getValue().equals(item.get(attribute.getKey()));
                    }
                    if (same) {
                        it.remove();
                        break;
                    }
                }
            }
        });
    }

    /** The response with the withheld entries added as unprocessed; {@code response} is null when nothing was sent. */
    public static ObjectNode merge(Operation operation, ObjectNode original, ObjectNode response, Split split) {
        boolean write = operation == Operation.BATCH_WRITE_ITEM;
        ObjectNode result = response != null ? response : NODES.objectNode();
        if (!write && !result.has("Responses")) {
            ObjectNode responses = result.putObject("Responses");
            original.get("RequestItems").fieldNames().forEachRemaining(responses::putArray);
        }
        String member = write ? "UnprocessedItems" : "UnprocessedKeys";
        ObjectNode unprocessed = result.get(member) instanceof ObjectNode o ? o : result.putObject(member);
        split.withheld().fields().forEachRemaining(e -> {
            JsonNode existing = unprocessed.get(e.getKey());
            if (existing == null) {
                unprocessed.set(e.getKey(), e.getValue());
            } else if (write) {
                ((ArrayNode) existing).addAll((ArrayNode) e.getValue());
            } else {
                ((ArrayNode) existing.get("Keys")).addAll((ArrayNode) e.getValue().get("Keys"));
            }
        });
        return result;
    }
}
