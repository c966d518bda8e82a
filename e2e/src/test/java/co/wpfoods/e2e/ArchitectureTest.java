package co.wpfoods.e2e;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Module boundaries over every WPFoods service, checked on the compiled classes. */
class ArchitectureTest {

    /** Root package of each service module. */
    static final List<String> SERVICES =
            List.of("gateway", "webhook", "order", "dispatch", "payment", "ai", "messaging", "simulator");

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("co.wpfoods");

    @Test
    void every_rule_below_looks_at_real_classes_of_every_service() {
        for (String service : SERVICES) {
            assertThat(CLASSES.that(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                            "co.wpfoods." + service + "..")))
                    .as("classes of %s", service)
                    .isNotEmpty();
        }
    }

    @TestFactory
    List<DynamicTest> no_service_depends_on_another_service() {
        return SERVICES.stream()
                .map(service -> DynamicTest.dynamicTest(
                        service,
                        () -> noClasses()
                                .that()
                                .resideInAPackage("co.wpfoods." + service + "..")
                                .should()
                                .dependOnClassesThat()
                                .resideInAnyPackage(SERVICES.stream()
                                        .filter(other -> !other.equals(service))
                                        .map(other -> "co.wpfoods." + other + "..")
                                        .toArray(String[]::new))
                                .because("services talk only through Kafka topics and public HTTP APIs")
                                .check(CLASSES)))
                .toList();
    }

    @Test
    void domain_code_depends_on_no_framework_messaging_or_database_classes() {
        noClasses()
                .that()
                .resideInAPackage("co.wpfoods..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.apache.kafka..",
                        "java.sql..",
                        "javax.sql..",
                        "org.apache.avro..",
                        "co.wpfoods.schemas.orders..",
                        "co.wpfoods.schemas.dispatch..",
                        "co.wpfoods.schemas.payments..",
                        "co.wpfoods.schemas.restaurants..",
                        "co.wpfoods.schemas.serde..",
                        "tools.jackson..",
                        "com.fasterxml.jackson.databind..")
                .because("the domain is plain Java; adapters translate to Spring, Kafka, JDBC and Avro")
                .check(CLASSES);
    }

    @Test
    void shared_libraries_do_not_depend_on_services() {
        noClasses()
                .that()
                .resideInAnyPackage("co.wpfoods.schemas..", "co.wpfoods.eventing..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(Arrays.stream(SERVICES.toArray(String[]::new))
                        .map(s -> "co.wpfoods." + s + "..")
                        .toArray(String[]::new))
                .check(CLASSES);
    }
}
