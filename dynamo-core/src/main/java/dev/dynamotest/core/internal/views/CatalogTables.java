package dev.dynamotest.core.internal.views;

import dev.dynamotest.core.internal.ops.lifecycle.Lifecycle;
import dev.dynamotest.core.internal.schema.GlobalTables;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.EngineContext;
import dev.dynamotest.core.tables.Table;
import dev.dynamotest.core.tables.Tables;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The engine's {@link Tables}: the catalog's tables, read without requests. */
public record CatalogTables(EngineContext ctx, Lifecycle lifecycle, GlobalTables globalTables) implements Tables {

    @Override
    public Set<String> regions() {
        return ctx.catalog().regions();
    }

    @Override
    public List<String> names(String region) {
        return ctx.catalog().list(region).stream().map(TableMeta::name).toList();
    }

    @Override
    public Optional<Table> find(String region, String name) {
        return ctx.catalog().find(region, name).map(meta -> new StoredTable(meta, ctx.items(), lifecycle, this));
    }

    @Override
    public Table get(String region, String name) {
        return find(region, name).orElseThrow(() -> new IllegalArgumentException("no table " + name + " in "
                + region + "; the tables there are " + names(region)));
    }

    @Override
    public void drop(String region, String name) {
        ctx.catalog().find(region, name).ifPresent(meta -> {
            ctx.catalog().remove(meta);
            ctx.streams().close(region, name, ctx.config().clock().now());
            globalTables.deleted(meta);
        });
    }
}
