package dev.dynamotest.junit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tables and seed items that a test class and its enclosing classes declare, in a settled region. */
public record Declarations(List<TableDeclaration> tables, List<SeedDeclaration> seeds) {

    public Declarations {
        tables = List.copyOf(tables);
        seeds = List.copyOf(seeds);
    }

    public static Declarations none() {
        return new Declarations(List.of(), List.of());
    }

    /** These declarations and those of a nested class; a table declared twice is a misuse. */
    public Declarations plus(Declarations inner) {
        Map<String, TableDeclaration> byKey = new LinkedHashMap<>();
        List<TableDeclaration> all = new ArrayList<>(tables);
        all.addAll(inner.tables);
        for (TableDeclaration table : all) {
            TableDeclaration earlier = byKey.putIfAbsent(key(table.region(), table.name()), table);
            if (earlier != null) {
                throw new MisuseException(table.source() + ": table " + table.name() + " (" + table.region()
                        + ") is already declared by " + earlier.source() + "; declare each table once");
            }
        }
        List<SeedDeclaration> allSeeds = new ArrayList<>(seeds);
        allSeeds.addAll(inner.seeds);
        return new Declarations(all, allSeeds);
    }

    public boolean declares(String region, String name) {
        return tables.stream().anyMatch(t -> t.region().equals(region) && t.name().equals(name));
    }

    public List<String> namesIn(String region) {
        return tables.stream().filter(t -> t.region().equals(region)).map(TableDeclaration::name).toList();
    }

    private static String key(String region, String name) {
        return region + "/" + name;
    }
}
