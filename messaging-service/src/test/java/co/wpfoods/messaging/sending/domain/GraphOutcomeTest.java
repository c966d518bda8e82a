package co.wpfoods.messaging.sending.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraphOutcomeTest {

    @ParameterizedTest(name = "HTTP {0} code {1} is {2}")
    @CsvSource({
        "400, 130429, Transient",
        "400, 131056, PairLimited",
        "500, 131000, Transient",
        "500, 131057, Transient",
        "503, 2, Transient",
        "500, 1, Transient",
        "401, 190, TokenInvalid",
        "401, 0, TokenInvalid",
        "400, 131026, Permanent",
        "400, 131051, Permanent",
        "400, 100, Permanent",
        "400, 131047, Permanent",
        "404, 132001, Permanent",
        "403, 368, Permanent",
        "500, 3, Permanent",
        "502, , Transient",
        "401, , TokenInvalid",
        "400, , Permanent"
    })
    void classifies_graph_errors_by_code_as_the_reference_table_says(int http, Integer code, String expected) {
        assertThat(GraphOutcome.ofError(http, code, "x").getClass().getSimpleName())
                .isEqualTo(expected);
    }
}
