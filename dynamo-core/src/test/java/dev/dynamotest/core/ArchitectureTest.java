package dev.dynamotest.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.dynamotest.core.support.PackageLayers;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final String INTERNAL = "dev.dynamotest.core.internal";

    /**
     * dynamo-core's internal layers, lowest first: each uses only those before it. The operation families
     * ({@code ops.<name>}) sit above them all and never use one another; the HTTP adapter is on top.
     */
    private static final PackageLayers LAYERS = new PackageLayers(List.of(
            "",             // Numbers, RandomIds
            "json",         // streaming JSON trees
            "routing",      // the operation registry per API, the request chain
            "storage",      // H2: tables, items, changes, streams, backups; item size
            "capacity",     // the capacity model the write path charges
            "protocol",     // the JSON 1.0 wire format, limits, the wire front door
            "expr.lexer",   // the tokens of expressions, reserved words
            "expr",         // expressions: parse once, evaluate many
            "streams",      // the stream catalog, shards and records
            "write",        // the one write path and the engine context
            "schema",       // the table model the families share, and their small interfaces
            "partiql"),     // PartiQL statements: lexer, parser, and their DynamoDB expressions
            Set.of("server", "inprocess", "views", "dax"));

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.dynamotest.core");

    @Test
    void core_knows_nothing_of_junit_assertj_awaitility_or_faults() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.junit..", "org.assertj..", "org.awaitility..", "dev.dynamotest.faults..",
                        "dev.dynamotest.junit..", "dev.dynamotest.assertions..")
                .check(CORE);
    }

    @Test
    void javalin_and_jetty_stay_inside_the_server_adapter() {
        noClasses().that().resideOutsideOfPackage("dev.dynamotest.core.internal.server..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..")
                .check(CORE);
    }

    @Test
    void the_sdks_http_interfaces_stay_inside_the_in_process_front_door() {
        noClasses().that().resideOutsideOfPackage("dev.dynamotest.core.internal.inprocess..")
                .and().doNotHaveFullyQualifiedName(DynamoEngine.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk.http..")
                .check(CORE);
    }

    @Test
    void h2_stays_inside_storage() {
        noClasses().that().resideOutsideOfPackage("dev.dynamotest.core.internal.storage..")
                .should().dependOnClassesThat().resideInAnyPackage("org.h2..")
                .check(CORE);
    }

    @Test
    void the_views_packages_are_public_faces_without_internals() {
        noClasses().that().resideInAnyPackage("dev.dynamotest.core.tables", "dev.dynamotest.core.changes",
                        "dev.dynamotest.core.streams", "dev.dynamotest.core.capacity", "dev.dynamotest.core.requests",
                        "dev.dynamotest.core.regions", "dev.dynamotest.core.s3", "dev.dynamotest.core.model")
                .should().dependOnClassesThat().resideInAnyPackage("dev.dynamotest.core.internal..")
                .check(CORE);
    }

    @Test
    void no_public_constructor_outside_internal_takes_an_internal_type() {
        constructors().that().areDeclaredInClassesThat().resideOutsideOfPackage("dev.dynamotest.core.internal..")
                .and(PUBLIC_OR_PROTECTED)
                .should().notHaveRawParameterTypes(INTERNAL_TYPE)
                .check(CORE);
    }

    static final DescribedPredicate<JavaConstructor> PUBLIC_OR_PROTECTED = DescribedPredicate.describe(
            "are public or protected", c -> c.getModifiers().contains(JavaModifier.PUBLIC)
                    || c.getModifiers().contains(JavaModifier.PROTECTED));

    static final DescribedPredicate<java.util.List<JavaClass>> INTERNAL_TYPE = DescribedPredicate.describe(
            "an internal type", types -> types.stream().anyMatch(t -> t.getPackageName().contains(".internal")));

    @Test
    void internal_packages_are_layered_without_cycles_and_families_do_not_use_each_other() {
        Map<String, Set<String>> graph = internalPackageGraph();
        assertThat(graph).containsKeys("routing", "write", "schema", "ops.items", "ops.tables", "ops.globaltables");
        assertThat(LAYERS.violations(graph)).isEmpty();
    }

    /** Each internal package, relative to {@code internal}, with the internal packages its classes use. */
    private static Map<String, Set<String>> internalPackageGraph() {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (JavaClass c : CORE) {
            String from = relative(c.getPackageName());
            if (from == null) {
                continue;
            }
            Set<String> uses = graph.computeIfAbsent(from, k -> new TreeSet<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = relative(d.getTargetClass().getBaseComponentType().getPackageName());
                if (to != null) {
                    uses.add(to);
                }
            }
        }
        return graph;
    }

    private static String relative(String pkg) {
        if (pkg.equals(INTERNAL)) {
            return "";
        }
        return pkg.startsWith(INTERNAL + ".") ? pkg.substring(INTERNAL.length() + 1) : null;
    }
}
