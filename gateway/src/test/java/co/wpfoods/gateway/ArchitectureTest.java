package co.wpfoods.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("co.wpfoods.gateway");

    @Test
    void domain_uses_no_framework() {
        noClasses()
                .that()
                .resideInAPackage("..gateway.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..", "reactor..", "io.micrometer..", "io.github.bucket4j..", "io.netty..")
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void application_does_not_know_the_adapters() {
        noClasses()
                .that()
                .resideInAPackage("..gateway.application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..gateway.adapter..", "..gateway.config..", "org.springframework..")
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void inbound_adapters_do_not_call_outbound_adapters() {
        noClasses()
                .that()
                .resideInAPackage("..gateway.adapter.in..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..gateway.adapter.out..")
                .allowEmptyShould(false)
                .check(CLASSES);
    }
}
