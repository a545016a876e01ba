package dev.dynamotest.core.internal.views;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The regions a capacity or cost view covers: every region ({@code region == null}) or one. A table named
 * without a region is looked up in the scoped region, or in the default region when the view covers them all.
 */
record RegionScope(String defaultRegion, String region) {

    /** Every region, with tables named without a region in {@code defaultRegion}. */
    static RegionScope everyRegion(String defaultRegion) {
        return new RegionScope(defaultRegion, null);
    }

    /** The same default region, narrowed to one region. */
    RegionScope only(String region) {
        return new RegionScope(defaultRegion, Objects.requireNonNull(region, "region"));
    }

    /** The one region covered, if the scope is narrowed to one. */
    Optional<String> narrowedTo() {
        return Optional.ofNullable(region);
    }

    boolean coversEveryRegion() {
        return region == null;
    }

    /** The region of a table named without one. */
    String tableRegion() {
        return region == null ? defaultRegion : region;
    }

    /** The covered regions among {@code known}, sorted; just the scoped region when narrowed to one. */
    List<String> regionsAmong(Collection<String> known) {
        return region == null ? known.stream().sorted().toList() : List.of(region);
    }

    /** The scope in words, for {@code toString}: {@code every region} or the region. */
    String describe() {
        return region == null ? "every region" : region;
    }
}
