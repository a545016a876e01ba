package dev.dynamotest.core.internal.views;

import dev.dynamotest.core.capacity.Capacity;
import dev.dynamotest.core.capacity.TableCapacity;
import dev.dynamotest.core.capacity.ThrottleEvent;
import dev.dynamotest.core.internal.capacity.CapacityModel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A {@link Capacity} read from the engine's capacity model, for every region ({@code region == null}) or one. */
public final class ModelCapacity implements Capacity {

    private final CapacityModel model;
    private final String defaultRegion;
    private final String region;

    /** The capacity of every region; {@link #table(String)} reads tables of the default region. */
    public ModelCapacity(CapacityModel model, String defaultRegion) {
        this(model, defaultRegion, null);
    }

    private ModelCapacity(CapacityModel model, String defaultRegion, String region) {
        this.model = model;
        this.defaultRegion = defaultRegion;
        this.region = region;
    }

    @Override
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    @Override
    public Capacity region(String region) {
        return new ModelCapacity(model, defaultRegion, Objects.requireNonNull(region, "region"));
    }

    @Override
    public TableCapacity table(String name) {
        return new ModelTableCapacity(model, region == null ? defaultRegion : region, name);
    }

    @Override
    public List<ThrottleEvent> throttles() {
        return region == null ? model.throttles()
                : model.throttles().stream().filter(e -> e.region().equals(region)).toList();
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
        return "capacity of the tables of " + (region == null ? "every region" : region);
    }
}
