package dev.dynamotest.core.internal.write;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The capacity a multi-table request consumed, summed per table, and its ConsumedCapacity list. */
public final class CapacityTally {

    private final String mode;
    private final boolean read;
    private final boolean unitsOnly;
    private final Map<String, Double> units = new LinkedHashMap<>();

    /** A tally of read ({@code read}) or write units for a request whose ReturnConsumedCapacity is {@code mode}. */
    public CapacityTally(String mode, boolean read) {
        this(mode, read, false);
    }

    private CapacityTally(String mode, boolean read, boolean unitsOnly) {
        this.mode = mode;
        this.read = read;
        this.unitsOnly = unitsOnly;
    }

    /**
     * A tally of read units whose ConsumedCapacity elements carry only TableName and CapacityUnits (and, for
     * INDEXES, the table's CapacityUnits), as BatchGetItem's API reference lists them.
     */
    public static CapacityTally unitsOnly(String mode) {
        return new CapacityTally(mode, true, true);
    }

    public void add(String table, double amount) {
        units.merge(table, amount, Double::sum);
    }

    /** The units charged so far, per table in the order they were first charged. */
    public Map<String, Double> units() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(units));
    }

    /** Adds the ConsumedCapacity list to the response, when the request asked for it. */
    public void addTo(ObjectNode response) {
        if ("NONE".equals(mode)) {
            return;
        }
        ArrayNode list = response.putArray("ConsumedCapacity");
        units.forEach((table, amount) -> list.add(unitsOnly ? unitsOnly(table, amount)
                : Capacity.consumed(mode, table, amount, read)));
    }

    private ObjectNode unitsOnly(String table, double amount) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("TableName", table);
        node.put("CapacityUnits", amount);
        if ("INDEXES".equals(mode)) {
            node.putObject("Table").put("CapacityUnits", amount);
        }
        return node;
    }
}
