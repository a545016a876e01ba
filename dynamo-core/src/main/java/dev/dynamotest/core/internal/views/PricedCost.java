package dev.dynamotest.core.internal.views;

import dev.dynamotest.core.capacity.Cost;
import dev.dynamotest.core.capacity.TableCost;
import dev.dynamotest.core.internal.ops.Costs;
import dev.dynamotest.core.tables.Tables;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A {@link Cost} priced by the engine's {@link Costs}, for every region ({@code region == null}) or one. */
public final class PricedCost implements Cost {

    private final Costs costs;
    private final Tables tables;
    private final String defaultRegion;
    private final String region;

    /** The cost of every region; {@link #table(String)} prices tables of the default region. */
    public PricedCost(Costs costs, Tables tables, String defaultRegion) {
        this(costs, tables, defaultRegion, null);
    }

    private PricedCost(Costs costs, Tables tables, String defaultRegion, String region) {
        this.costs = costs;
        this.tables = tables;
        this.defaultRegion = defaultRegion;
        this.region = region;
    }

    @Override
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    @Override
    public Cost region(String region) {
        return new PricedCost(costs, tables, defaultRegion, Objects.requireNonNull(region, "region"));
    }

    @Override
    public List<TableCost> tables() {
        List<String> regions = region == null ? tables.regions().stream().sorted().toList() : List.of(region);
        return regions.stream().flatMap(r -> tables.names(r).stream().map(name -> costs.of(r, name))).toList();
    }

    @Override
    public TableCost table(String name) {
        return costs.of(region == null ? defaultRegion : region, name);
    }

    @Override
    public String toString() {
        return "cost of the tables of " + (region == null ? "every region" : region);
    }
}
