package co.wpfoods.simulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("co.wpfoods.simulator");

    @Test
    void the_domain_uses_no_framework() {
        noClasses()
                .that()
                .resideInAPackage("..simulator.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "tools.jackson..", "com.fasterxml..", "jakarta..")
                .check(CLASSES);
    }

    @Test
    void the_application_layer_does_not_know_spring_or_the_adapters() {
        noClasses()
                .that()
                .resideInAPackage("..simulator.application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "..simulator.adapter..", "..simulator.config..")
                .check(CLASSES);
    }

    @Test
    void adapters_do_not_call_adapters() {
        noClasses()
                .that()
                .resideInAPackage("..simulator.adapter.out..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..simulator.adapter.in..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("..simulator.adapter.in..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..simulator.adapter.out..")
                .check(CLASSES);
    }
}
