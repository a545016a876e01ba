package dev.dynamotest.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

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
}
