package co.wpfoods.testing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The house rules catch what they are for, pass a slice built the house way, and fail when they match nothing. */
class HouseRulesTest {

    static final JavaClasses GOOD = new ClassFileImporter().importPackages("fixture.house.good");
    static final JavaClasses BAD = new ClassFileImporter().importPackages("fixture.house.bad");

    @Test
    void a_feature_built_the_house_way_passes_every_rule() {
        HouseRules rules = HouseRules.of("fixture.house.good", GOOD);

        for (HouseRules.NamedRule rule : rules.rules()) {
            assertThat(rule.rule().evaluate(GOOD).hasViolation())
                    .as(rule.name() + ": " + rule.rule().evaluate(GOOD).getFailureReport())
                    .isFalse();
        }
    }

    @Test
    void each_rule_but_the_service_boundary_catches_its_violation_in_the_bad_feature() {
        HouseRules rules = HouseRules.of("fixture.house.bad", BAD);

        List<String> violated = rules.rules().stream()
                .filter(rule -> rule.rule().evaluate(BAD).hasViolation())
                .map(HouseRules.NamedRule::name)
                .toList();

        assertThat(violated)
                .containsExactlyInAnyOrder(
                        "every class lives in a feature's domain, application, adapter or config",
                        "the domain imports no framework",
                        "the application imports neither adapters nor config",
                        "adapters depend inward only, never on another adapter",
                        "adapters do not reach into config",
                        "Kafka listeners are inbound adapters that call use cases");
    }

    @Test
    void a_rule_that_matches_no_class_fails_instead_of_passing() {
        JavaClasses none = new ClassFileImporter().importPackages("fixture.house.nothing.here");
        HouseRules rules = HouseRules.of("fixture.house.nothing.here", none);

        List<String> passing = rules.rules().stream()
                .filter(rule -> !failsOn(rule, none))
                .map(HouseRules.NamedRule::name)
                .toList();

        assertThat(passing).containsExactly("Kafka listeners are inbound adapters that call use cases (here has none)");
    }

    @Test
    void the_listener_predicate_finds_real_listeners() {
        assertThat(GOOD.stream().filter(HouseRules.isKafkaListener()::test))
                .extracting(type -> type.getSimpleName())
                .containsExactly("OrderListener");
    }

    @Test
    void every_service_is_named_once() {
        assertThat(HouseRules.SERVICES).doesNotHaveDuplicates().contains("gateway", "webhook");
    }

    private static boolean failsOn(HouseRules.NamedRule rule, JavaClasses classes) {
        try {
            rule.rule().check(classes);
            return false;
        } catch (AssertionError | RuntimeException failed) {
            return true;
        }
    }
}
