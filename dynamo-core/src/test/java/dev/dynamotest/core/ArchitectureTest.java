package dev.dynamotest.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
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
}
