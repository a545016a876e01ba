package dev.dynamotest.core.internal.views;

import dev.dynamotest.core.capacity.Capacity;
import dev.dynamotest.core.capacity.TableCapacity;
import dev.dynamotest.core.capacity.ThrottleEvent;
import dev.dynamotest.core.internal.capacity.CapacityModel;
import java.util.List;
import java.util.Optional;

/** A {@link Capacity} read from the engine's capacity model, for every region ({@code region == null}) or one. */
public final class ModelCapacity implements Capacity {

    private final CapacityModel model;
    private final RegionScope scope;

    /** The capacity of every region; {@link #table(String)} reads tables of the default region. */
    public ModelCapacity(CapacityModel model, String defaultRegion) {
        this(model, RegionScope.everyRegion(defaultRegion));
    }

    private ModelCapacity(CapacityModel model, RegionScope scope) {
        this.model = model;
        this.scope = scope;
    }

    @Override
    public Optional<String> region() {
        return scope.narrowedTo();
    }

    @Override
    public Capacity region(String region) {
        return new ModelCapacity(model, scope.only(region));
    }

    @Override
    public TableCapacity table(String name) {
        return new ModelTableCapacity(model, scope.tableRegion(), name);
    }

    @Override
    public List<ThrottleEvent> throttles() {
        return scope.coversEveryRegion() ? model.throttles()
                : model.throttles().stream().filter(e -> e.region().equals(scope.region())).toList();
    }

    @Override
    public void record(ThrottleEvent event) {
        model.record(event);
    }

    @Override
    public void resetUsage() {
        model.resetUsage();
    }

    @Override
    public void reset() {
        model.resetAll();
    }

    @Override
    public void unmetered(Runnable work) {
        model.suspend();
        try {
            work.run();
        } finally {
            model.resume();
        }
    }

    @Override
    public String toString() {
        return "capacity of the tables of " + scope.describe();
    }
}
