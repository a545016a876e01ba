package dev.dynamotest.core.internal.views;

import dev.dynamotest.core.CapacityMode;
import dev.dynamotest.core.capacity.CapacityUsage;
import dev.dynamotest.core.capacity.TableCapacity;
import dev.dynamotest.core.capacity.ThrottleEvent;
import dev.dynamotest.core.internal.capacity.CapacityModel;
import java.util.List;

/** A {@link TableCapacity} read from the engine's capacity model: the table's name and region are the view's key. */
record ModelTableCapacity(CapacityModel model, String region, String name) implements TableCapacity {

    @Override
    public CapacityUsage usage() {
        return model.usage(region, name, null);
    }

    @Override
    public CapacityUsage index(String indexName) {
        return model.usage(region, name, indexName);
    }

    @Override
    public List<String> indexes() {
        return model.indexes(region, name);
    }

    @Override
    public List<ThrottleEvent> throttles() {
        return model.throttles().stream().filter(e -> e.region().equals(region) && e.table().equals(name)).toList();
    }

    @Override
    public CapacityMode mode() {
        return model.mode(region, name);
    }

    @Override
    public void mode(CapacityMode mode) {
        model.mode(region, name, mode);
    }

    @Override
    public String toString() {
        return "table " + name + " (" + region + ")";
    }
}
