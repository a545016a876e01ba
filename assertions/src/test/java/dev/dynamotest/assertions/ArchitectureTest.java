package dev.dynamotest.assertions;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses ASSERTIONS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.dynamotest.assertions");

    @Test
    void uses_only_the_public_face_of_the_core() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.dynamotest.core.internal..")
                .check(ASSERTIONS);
    }

    @Test
    void knows_nothing_of_junit_or_the_extension() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.junit..", "dev.dynamotest.junit..")
                .check(ASSERTIONS);
    }
}
