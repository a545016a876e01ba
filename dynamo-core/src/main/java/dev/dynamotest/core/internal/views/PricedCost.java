package dev.dynamotest.core.internal.views;

import dev.dynamotest.core.capacity.Cost;
import dev.dynamotest.core.capacity.TableCost;
import dev.dynamotest.core.internal.ops.capacity.Costs;
import dev.dynamotest.core.tables.Tables;
import java.util.List;
import java.util.Optional;

/** A {@link Cost} priced by the engine's {@link Costs}, for every region ({@code region == null}) or one. */
public final class PricedCost implements Cost {

    private final Costs costs;
    private final Tables tables;
    private final RegionScope scope;

    /** The cost of every region; {@link #table(String)} prices tables of the default region. */
    public PricedCost(Costs costs, Tables tables, String defaultRegion) {
        this(costs, tables, RegionScope.everyRegion(defaultRegion));
    }

    private PricedCost(Costs costs, Tables tables, RegionScope scope) {
        this.costs = costs;
        this.tables = tables;
        this.scope = scope;
    }

    @Override
    public Optional<String> region() {
        return scope.narrowedTo();
    }

    @Override
    public Cost region(String region) {
        return new PricedCost(costs, tables, scope.only(region));
    }

    @Override
    public List<TableCost> tables() {
        return scope.regionsAmong(tables.regions()).stream()
                .flatMap(r -> tables.names(r).stream().map(name -> costs.of(r, name))).toList();
    }

    @Override
    public TableCost table(String name) {
        return costs.of(scope.tableRegion(), name);
    }

    @Override
    public String toString() {
        return "cost of the tables of " + scope.describe();
    }
}
