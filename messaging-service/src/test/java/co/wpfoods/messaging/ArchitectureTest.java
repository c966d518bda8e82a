package co.wpfoods.messaging;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("co.wpfoods.messaging");

    @Test
    void the_domain_imports_no_framework_kafka_jdbc_or_avro() {
        noClasses()
                .that()
                .resideInAPackage("..messaging.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.apache.kafka..",
                        "java.sql..",
                        "org.apache.avro..",
                        "co.wpfoods.schemas..")
                .check(classes);
    }

    @Test
    void the_application_layer_does_not_reach_into_adapters() {
        noClasses()
                .that()
                .resideInAPackage("..messaging.application..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..messaging.adapter..")
                .check(classes);
    }

    @Test
    void adapters_do_not_call_each_other() {
        noClasses()
                .that()
                .resideInAPackage("..messaging.adapter.in..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..messaging.adapter.out..")
                .check(classes);
    }
}
