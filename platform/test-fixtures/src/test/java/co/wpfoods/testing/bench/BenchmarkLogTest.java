package co.wpfoods.testing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.testing.bench.BenchmarkLog.Figure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BenchmarkLogTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void writes_the_conventions_fields_in_order() {
        String line = BenchmarkLog.line(
                new Figure("sender", "lost", 0, "count", "abc123", false, "2026-11-26T20:00:48Z", "./mvnw", null));

        assertThat(line)
                .isEqualTo("{\"bench\":\"sender\",\"metric\":\"lost\",\"value\":0.000,\"unit\":\"count\","
                        + "\"commit\":\"abc123\",\"date\":\"2026-11-26T20:00:48Z\",\"command\":\"./mvnw\"}");
    }

    @Test
    void a_value_that_is_not_a_number_is_null() {
        assertThat(BenchmarkLog.line(new Figure("b", "p99_ms", Double.NaN, "ms", "c", false, "d", "x", null)))
                .contains("\"value\":null,");
        assertThat(BenchmarkLog.line(
                        new Figure("b", "ratio", Double.POSITIVE_INFINITY, "ratio", "c", false, "d", "x", null)))
                .contains("\"value\":null,");
    }

    @Test
    void large_and_small_values_are_plain_decimals_with_three_places() {
        assertThat(BenchmarkLog.line(new Figure("b", "m", 12_345_678.9, "rows", "c", false, "d", "x", null)))
                .contains("\"value\":12345678.900,");
        assertThat(BenchmarkLog.line(new Figure("b", "m", 0.0004, "s", "c", false, "d", "x", null)))
                .contains("\"value\":0.000,");
    }

    @Test
    void a_dirty_tree_is_marked_after_the_commit() {
        assertThat(BenchmarkLog.line(new Figure("b", "m", 1.5, "ms", "c", true, "d", "x", null)))
                .contains("\"value\":1.500,\"unit\":\"ms\",\"commit\":\"c\",\"dirty\":true,\"date\":\"d\"");
    }

    @Test
    void a_note_comes_last_and_only_when_there_is_one() {
        assertThat(BenchmarkLog.line(
                        new Figure("launcher", "cold_start_s", 41.2, "s", "c", false, "d", "x", "load 1.5")))
                .endsWith("\"command\":\"x\",\"note\":\"load 1.5\"}");
        assertThat(BenchmarkLog.line(new Figure("b", "m", 1, "u", "c", false, "d", "x", null)))
                .doesNotContain("note");
    }

    @Test
    void any_text_round_trips_through_the_json_it_is_written_as() {
        String command = "a \"quoted\" C:\\path\nnext\ttab\u0001 ñandú 🛵";

        JsonNode read =
                JSON.readTree(BenchmarkLog.line(new Figure("b", "m", 1, "u", "c", false, "d", command, command)));

        assertThat(read.get("command").stringValue()).isEqualTo(command);
        assertThat(read.get("note").stringValue()).isEqualTo(command);
        assertThat(read.get("value").decimalValue()).isEqualByComparingTo("1");
    }
}
