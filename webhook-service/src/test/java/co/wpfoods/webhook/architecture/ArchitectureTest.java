package co.wpfoods.webhook.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("co.wpfoods.webhook");

    @Test
    void the_domain_imports_no_framework_avro_or_json() {
        noClasses()
                .that()
                .resideInAPackage("..webhook.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.apache.kafka..",
                        "org.apache.avro..",
                        "java.sql..",
                        "tools.jackson..",
                        "co.wpfoods.schemas..")
                .check(CLASSES);
    }

    @Test
    void the_application_knows_no_adapter_and_no_kafka_client_or_jdbc() {
        noClasses()
                .that()
                .resideInAPackage("..webhook.application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..webhook.adapter..", "..webhook.config..", "org.apache.kafka..", "java.sql..")
                .check(CLASSES);
    }

    @Test
    void inbound_adapters_do_not_call_outbound_adapters_except_the_role_directory_they_feed() {
        noClasses()
                .that()
                .resideInAPackage("..webhook.adapter.in.web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..webhook.adapter.out..")
                .check(CLASSES);
    }
}
