package co.wpfoods.ai.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package boundaries of STYLE.md, checked (each rule must match real classes: failOnEmptyShould is on). */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("co.wpfoods.ai");
    }

    @Test
    void the_domain_imports_no_framework() {
        noClasses()
                .that()
                .resideInAPackage("co.wpfoods.ai.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.apache.kafka..",
                        "org.apache.avro..",
                        "java.sql..",
                        "org.apache.lucene..",
                        "co.wpfoods.schemas..",
                        "co.wpfoods.ai.application..",
                        "co.wpfoods.ai.adapter..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void the_application_layer_knows_no_adapter_spring_kafka_or_avro() {
        noClasses()
                .that()
                .resideInAPackage("co.wpfoods.ai.application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "co.wpfoods.ai.adapter..",
                        "co.wpfoods.ai.config..",
                        "org.springframework..",
                        "org.apache.kafka..",
                        "org.apache.avro..",
                        "co.wpfoods.schemas..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void inbound_adapters_do_not_call_outbound_lucene_or_llm_adapters() {
        noClasses()
                .that()
                .resideInAPackage("co.wpfoods.ai.adapter.in..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("co.wpfoods.ai.adapter.out.lucene..", "co.wpfoods.ai.adapter.out.llm..")
                .allowEmptyShould(false)
                .check(classes);
    }
}
