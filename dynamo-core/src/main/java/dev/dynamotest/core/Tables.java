package dev.dynamotest.core;

import dev.dynamotest.core.internal.ops.lifecycle.Lifecycle;
import dev.dynamotest.core.internal.schema.GlobalTables;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.EngineContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The tables of every region, read straight from the engine for assertions, diagnostics and test resets.
 * Obtain it with {@link DynamoEngine#tables()}.
 */
public final class Tables {

    private final EngineContext ctx;
    private final Lifecycle lifecycle;
    private final GlobalTables globalTables;

    Tables(EngineContext ctx, Lifecycle lifecycle, GlobalTables globalTables) {
        this.ctx = ctx;
        this.lifecycle = lifecycle;
        this.globalTables = globalTables;
    }

    /** The regions that have (or had) tables. */
    public Set<String> regions() {
        return ctx.catalog().regions();
    }

    /** The names of the tables of a region, in name order. */
    public List<String> names(String region) {
        return ctx.catalog().list(region).stream().map(TableMeta::name).toList();
    }

    /** The table of that name in the region, if it exists. */
    public Optional<Table> find(String region, String name) {
        return ctx.catalog().find(region, name).map(meta -> new Table(meta, ctx.items(), lifecycle, this));
    }

    /** The table of that name in the region; fails with a message naming the tables there if it is missing. */
    public Table get(String region, String name) {
        return find(region, name).orElseThrow(() -> new IllegalArgumentException("no table " + name + " in "
                + region + "; the tables there are " + names(region)));
    }

    /**
     * Deletes a table and its items at once, without change records: a reset between tests. Its stream, if it
     * has one, is disabled as DeleteTable disables it.
     */
    public void drop(String region, String name) {
        ctx.catalog().find(region, name).ifPresent(meta -> {
            ctx.catalog().remove(meta);
            ctx.streams().close(region, name, ctx.config().clock().now());
            globalTables.deleted(meta);
        });
    }
}
