package dev.dynamotest.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PackageLayersTest {

    private final PackageLayers rules = new PackageLayers(List.of("json", "storage", "write"), Set.of("server"));

    @Test
    void accepts_families_on_layers_and_layers_on_lower_layers() {
        assertThat(rules.violations(Map.of(
                "server", Set.of("ops.items", "write"),
                "ops.items", Set.of("write", "storage", "json"),
                "ops.tables", Set.of("write"),
                "write", Set.of("storage", "json"),
                "storage", Set.of("json")))).isEmpty();
    }

    @Test
    void rejects_a_family_reaching_into_another() {
        assertThat(rules.violations(Map.of("ops.items", Set.of("ops.tables", "write"))))
                .containsExactly("family 'ops.items' reaches into family 'ops.tables'");
    }

    @Test
    void rejects_a_layer_reaching_up() {
        assertThat(rules.violations(Map.of("storage", Set.of("write"), "json", Set.of("ops.items"))))
                .contains("layer 'storage' reaches up into layer 'write'",
                        "layer 'json' reaches up into family 'ops.items'");
    }

    @Test
    void rejects_a_cycle() {
        assertThat(rules.violations(Map.of("write", Set.of("storage"), "storage", Set.of("json"),
                "json", Set.of("write"))))
                .contains("packages in a cycle: json, write, storage");
    }

    @Test
    void rejects_a_cycle_between_families_even_through_an_unknown_package() {
        assertThat(rules.violations(Map.of("ops.items", Set.of("misc"), "misc", Set.of("ops.items"))))
                .contains("package 'misc' is in no layer, family or top package")
                .anyMatch(v -> v.startsWith("packages in a cycle: "));
    }

    @Test
    void rejects_the_top_package_used_from_below() {
        assertThat(rules.violations(Map.of("write", Set.of("server"))))
                .containsExactly("'write' uses the top package 'server'");
    }
}
