package dev.dynamotest.junit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The requests made to one endpoint, numbered from its start, so that a test can ask for those made since
 * it began. Keeps the latest {@value #CAPACITY} only.
 */
public final class RequestJournal {

    static final int CAPACITY = 10_000;

    private final List<RequestRecord> records = new ArrayList<>();
    private long dropped;

    public synchronized void add(RequestRecord record) {
        if (records.size() == CAPACITY) {
            records.subList(0, CAPACITY / 2).clear();
            dropped += CAPACITY / 2;
        }
        records.add(record);
    }

    /** The number of requests recorded so far: a mark to pass to {@link #since(long)}. */
    public synchronized long mark() {
        return dropped + records.size();
    }

    /** The requests recorded since the mark (those still kept). */
    public synchronized List<RequestRecord> since(long mark) {
        int from = (int) Math.max(0, mark - dropped);
        return from >= records.size() ? List.of() : List.copyOf(records.subList(from, records.size()));
    }

    /** The tables a request body names: TableName, the keys of RequestItems, and those of TransactItems. */
    public static List<String> tablesOf(ObjectNode body) {
        if (body == null) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        addText(names, body.get("TableName"));
        JsonNode arn = body.get("ResourceArn");
        if (arn != null && arn.isTextual() && arn.asText().contains(":table/")) {
            String rest = arn.asText().substring(arn.asText().indexOf(":table/") + 7);
            names.add(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
        }
        JsonNode requestItems = body.get("RequestItems");
        if (requestItems != null && requestItems.isObject()) {
            requestItems.fieldNames().forEachRemaining(names::add);
        }
        JsonNode transactItems = body.get("TransactItems");
        if (transactItems != null && transactItems.isArray()) {
            for (JsonNode action : transactItems) {
                for (Iterator<Map.Entry<String, JsonNode>> it = action.fields(); it.hasNext(); ) {
                    addText(names, it.next().getValue().get("TableName"));
                }
            }
        }
        return List.copyOf(names);
    }

    private static void addText(Set<String> names, JsonNode node) {
        if (node != null && node.isTextual()) {
            names.add(node.asText());
        }
    }
}
