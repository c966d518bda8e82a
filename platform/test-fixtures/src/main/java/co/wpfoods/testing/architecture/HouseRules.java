package co.wpfoods.testing.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The architecture rules every WPFoods service follows, in one place. A service's {@code ArchitectureTest} runs them
 * over its own main classes:
 *
 * <pre>{@code
 * class ArchitectureTest {
 *     @TestFactory
 *     Stream<DynamicTest> the_service_follows_the_house_rules() {
 *         return HouseRules.forService("webhook").tests();
 *     }
 * }
 * }</pre>
 *
 * <p>The layout they hold a service to: {@code co.wpfoods.<service>.<feature>.{domain, application, adapter.in.<kind>,
 * adapter.out.<kind>, config}}, plus the {@code @SpringBootApplication} class at the service's root. Every rule
 * fails when it matches no class ({@code allowEmptyShould(false)}), so a pattern that drifted from the code fails
 * instead of passing while checking nothing. The one rule about a kind of class a service may not have (Kafka
 * listeners) says so in its name when there is none, and its predicate is proven on real classes by
 * {@code HouseRulesTest}.
 */
public final class HouseRules {

    /** The root package name of every service module under {@code co.wpfoods}. */
    public static final List<String> SERVICES =
            List.of("gateway", "webhook", "order", "dispatch", "payment", "ai", "messaging", "simulator");

    /** What a domain must not know: frameworks, messaging, databases, serialization, metrics. */
    static final String[] FRAMEWORKS = {
        "org.springframework..",
        "reactor..",
        "io.netty..",
        "io.micrometer..",
        "io.opentelemetry..",
        "org.apache.kafka..",
        "org.apache.avro..",
        "io.debezium..",
        "java.sql..",
        "javax.sql..",
        "jakarta..",
        "tools.jackson..",
        "com.fasterxml.jackson..",
        "com.zaxxer..",
        "org.flywaydb..",
        "com.github.benmanes..",
        "io.github.bucket4j..",
        "io.github.resilience4j.."
    };

    static final String SPRING_BOOT_APPLICATION = "org.springframework.boot.autoconfigure.SpringBootApplication";
    static final String KAFKA_LISTENER = "org.springframework.kafka.annotation.KafkaListener";

    private final String service;
    private final String root;
    private final JavaClasses classes;

    private HouseRules(String service, String root, JavaClasses classes) {
        this.service = service;
        this.root = root;
        this.classes = classes;
    }

    /** The rules over the main (not test) classes of {@code co.wpfoods.<service>}. */
    public static HouseRules forService(String service) {
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException(service + " is not one of " + SERVICES);
        }
        String root = "co.wpfoods." + service;
        return new HouseRules(
                service,
                root,
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                        .importPackages(root));
    }

    /**
     * The rules over the main classes of a platform kit that services plug in, {@code co.wpfoods.<kit>}, laid out as
     * one feature: {@code co.wpfoods.<kit>.{domain, application, adapter.in.<kind>, adapter.out.<kind>, config}}.
     */
    public static HouseRules forKit(String kit) {
        if (SERVICES.contains(kit) || kit.equals("testing")) {
            throw new IllegalArgumentException(kit + " is a service or the test fixtures, not a kit");
        }
        return new HouseRules(
                kit,
                "co.wpfoods",
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                        .importPackages("co.wpfoods." + kit));
    }

    /** The rules over given classes of a root package, and other services as given (for the rules' own tests). */
    static HouseRules of(String root, JavaClasses classes) {
        return new HouseRules(root.substring(root.lastIndexOf('.') + 1), root, classes);
    }

    /** One dynamic test per rule, named after it. */
    public Stream<DynamicTest> tests() {
        return rules().stream()
                .map(rule ->
                        DynamicTest.dynamicTest(rule.name(), () -> rule.rule().check(classes)));
    }

    /** A rule and the sentence it is reported under. */
    public record NamedRule(String name, ArchRule rule) {}

    public List<NamedRule> rules() {
        List<NamedRule> rules = new ArrayList<>();
        rules.add(new NamedRule("every class lives in a feature's domain, application, adapter or config", layout()));
        rules.add(new NamedRule("the domain imports no framework", domainImportsNoFramework()));
        rules.add(new NamedRule(
                "the application imports neither adapters nor config", applicationImportsNoAdapterOrConfig()));
        rules.add(new NamedRule("adapters depend inward only, never on another adapter", adaptersDoNotMeet()));
        rules.add(new NamedRule("adapters do not reach into config", adaptersDoNotReachConfig()));
        boolean hasListeners = classes.stream().anyMatch(isKafkaListener()::test);
        rules.add(new NamedRule(
                hasListeners
                        ? "Kafka listeners are inbound adapters that call use cases"
                        : "Kafka listeners are inbound adapters that call use cases (" + service + " has none)",
                listenersCallUseCases().allowEmptyShould(!hasListeners)));
        rules.add(new NamedRule("no service imports another service", noOtherService()));
        return rules;
    }

    ArchRule layout() {
        return classes()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .areNotAnnotatedWith(SPRING_BOOT_APPLICATION)
                .should()
                .resideInAnyPackage(
                        root + ".*.domain..",
                        root + ".*.application..",
                        root + ".*.adapter.in.*..",
                        root + ".*.adapter.out.*..",
                        root + ".*.config..")
                .because("a service is packaged by feature, then by layer (see the root README, \"One house\")")
                .allowEmptyShould(false);
    }

    ArchRule domainImportsNoFramework() {
        return noClasses()
                .that()
                .resideInAPackage(root + ".*.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORKS)
                .orShould()
                .dependOnClassesThat(areAvroRecords())
                .because("the domain is plain Java: it returns events and values that adapters map")
                .allowEmptyShould(false);
    }

    ArchRule applicationImportsNoAdapterOrConfig() {
        return noClasses()
                .that()
                .resideInAPackage(root + ".*.application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(root + ".*.adapter..", root + ".*.config..")
                .because("use cases talk to the outside through ports (interfaces) the adapters implement")
                .allowEmptyShould(false);
    }

    ArchRule adaptersDoNotMeet() {
        return slices().matching(root + ".(*).adapter.(*).(*)..")
                .namingSlices("$1 adapter.$2.$3")
                .should()
                .notDependOnEachOther()
                .because("an adapter reaches another only through the application's ports")
                .allowEmptyShould(false);
    }

    ArchRule adaptersDoNotReachConfig() {
        return noClasses()
                .that()
                .resideInAPackage(root + ".*.adapter..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".*.config..")
                .because("config builds adapters and hands them their settings, not the other way round")
                .allowEmptyShould(false);
    }

    ArchRule listenersCallUseCases() {
        return classes()
                .that(isKafkaListener())
                .should()
                .resideInAPackage(root + ".*.adapter.in.kafka..")
                .andShould()
                .dependOnClassesThat()
                .resideInAPackage(root + ".*.application..")
                .because("a listener decodes, checks the inbox and hands the event to a use case");
    }

    ArchRule noOtherService() {
        String[] others = SERVICES.stream()
                .filter(other -> !other.equals(service))
                .map(other -> "co.wpfoods." + other + "..")
                .toArray(String[]::new);
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage("co.wpfoods.testing..")
                .because("services talk only through Kafka topics (schemas) and public HTTP APIs")
                .allowEmptyShould(false);
    }

    static DescribedPredicate<JavaClass> isKafkaListener() {
        return describe(
                "have a @KafkaListener method",
                type -> type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(KAFKA_LISTENER))
                        || type.isAnnotatedWith(KAFKA_LISTENER));
    }

    static DescribedPredicate<JavaClass> areAvroRecords() {
        return describe(
                "are Avro records",
                type -> type.isAssignableTo("org.apache.avro.specific.SpecificRecord")
                        && !type.getName().startsWith("org.apache.avro"));
    }
}
