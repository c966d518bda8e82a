package co.wpfoods.testing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchmarkLogTest {

    @Test
    void writes_the_conventions_fields_in_order() {
        assertThat(BenchmarkLog.line("sender", "lost", 0, "count", "abc123", false, "2026-11-26T20:00:48Z", "./mvnw"))
                .isEqualTo("{\"bench\": \"sender\", \"metric\": \"lost\", \"value\": 0.000, \"unit\": \"count\", "
                        + "\"commit\": \"abc123\", \"date\": \"2026-11-26T20:00:48Z\", \"command\": \"./mvnw\"}");
    }

    @Test
    void a_value_that_is_not_a_number_is_null() {
        assertThat(BenchmarkLog.line("b", "p99_ms", Double.NaN, "ms", "c", false, "d", "x"))
                .contains("\"value\": null,");
        assertThat(BenchmarkLog.line("b", "ratio", Double.POSITIVE_INFINITY, "ratio", "c", false, "d", "x"))
                .contains("\"value\": null,");
    }

    @Test
    void a_dirty_tree_is_marked_after_the_commit() {
        assertThat(BenchmarkLog.line("b", "m", 1.5, "ms", "c", true, "d", "x"))
                .contains("\"value\": 1.500, \"unit\": \"ms\", \"commit\": \"c\", \"dirty\": true, \"date\": \"d\"");
    }

    @Test
    void escapes_quotes_backslashes_and_control_characters() {
        assertThat(BenchmarkLog.line("b", "m", 1, "u", "c", false, "d", "a \"quoted\" C:\\path\nnext\ttab\u0001"))
                .endsWith("\"command\": \"a \\\"quoted\\\" C:\\\\path\\nnext\\ttab\\u0001\"}");
    }
}
