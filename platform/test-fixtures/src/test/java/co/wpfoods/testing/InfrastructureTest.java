package co.wpfoods.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.wpfoods.testing.Infrastructure.Kind;
import org.junit.jupiter.api.Test;

class InfrastructureTest {

    static final java.util.function.BooleanSupplier NEVER_ASKED = () -> {
        throw new AssertionError("Docker must not be probed for the embedded default");
    };

    @Test
    void by_default_the_tests_run_embedded_without_asking_for_docker() {
        assertThat(Infrastructure.choose(null, NEVER_ASKED).kind()).isEqualTo(Kind.EMBEDDED);
        assertThat(Infrastructure.choose(" Embedded ", NEVER_ASKED).skip()).isFalse();
    }

    @Test
    void the_docker_profile_gets_containers_when_docker_answers() {
        var choice = Infrastructure.choose("containers", () -> true);

        assertThat(choice.kind()).isEqualTo(Kind.CONTAINERS);
        assertThat(choice.skip()).isFalse();
    }

    @Test
    void the_docker_profile_without_docker_skips_with_the_reason_instead_of_running_embedded() {
        var choice = Infrastructure.choose("containers", () -> false);

        assertThat(choice.skip()).isTrue();
        assertThat(choice.reason()).contains("no Docker environment is available");
    }

    @Test
    void an_unknown_choice_is_refused_with_the_accepted_values() {
        assertThatThrownBy(() -> Infrastructure.choose("vm", () -> true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'embedded' or 'containers'");
    }

    @Test
    void this_run_uses_what_the_property_asks_for() {
        var expected = Infrastructure.choose(System.getProperty(Infrastructure.PROPERTY), () -> true)
                .kind();

        assertThat(Infrastructure.current().kind()).isEqualTo(expected);
    }
}
