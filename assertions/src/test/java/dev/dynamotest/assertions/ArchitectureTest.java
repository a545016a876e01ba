package dev.dynamotest.assertions;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.util.List;
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

    @Test
    void no_public_constructor_takes_an_internal_type() {
        constructors().that().areDeclaredInClassesThat().resideOutsideOfPackage("dev.dynamotest.assertions.internal..")
                .and(DescribedPredicate.describe("are public or protected", (JavaConstructor c) ->
                        c.getModifiers().contains(JavaModifier.PUBLIC) || c.getModifiers().contains(JavaModifier.PROTECTED)))
                .should().notHaveRawParameterTypes(DescribedPredicate.describe("an internal type", (List<JavaClass> types) ->
                        types.stream().anyMatch(t -> t.getPackageName().contains(".internal"))))
                .check(ASSERTIONS);
    }
}
