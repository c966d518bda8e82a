package co.wpfoods.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.schemas.SchemaCatalog;
import co.wpfoods.schemas.orders.OrderCancelled;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The build fails when a contract changes in a way that breaks old readers or old data. */
class SchemaCompatibilityTest {

    private final SchemaCatalog catalog = SchemaCatalog.get();

    @Test
    void every_current_schema_is_released_so_readers_can_resolve_what_writers_send() {
        for (Class<? extends SpecificRecord> type : SchemaCatalog.RECORD_CLASSES) {
            Schema current = SchemaCatalog.currentSchema(type);
            long fingerprint = SchemaCatalog.fingerprint(current);
            assertThat(catalog.released(current.getFullName()))
                    .as(
                            "%s changed since its last release: run ReleaseSchemas (see schemas/README.md)",
                            type.getSimpleName())
                    .anySatisfy(v -> assertThat(SchemaCatalog.fingerprint(v)).isEqualTo(fingerprint));
        }
    }

    @Test
    void every_published_record_has_at_least_one_released_version() {
        for (Class<? extends SpecificRecord> type : SchemaCatalog.RECORD_CLASSES) {
            assertThat(catalog.released(SchemaCatalog.currentSchema(type).getFullName()))
                    .as("released versions of %s (run ReleaseSchemas)", type.getSimpleName())
                    .isNotEmpty();
        }
    }

    @TestFactory
    List<DynamicTest> every_current_schema_is_fully_compatible_with_every_released_version() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Class<? extends SpecificRecord> type : SchemaCatalog.RECORD_CLASSES) {
            Schema current = SchemaCatalog.currentSchema(type);
            List<Schema> versions = catalog.released(current.getFullName());
            for (int v = 0; v < versions.size(); v++) {
                Schema released = versions.get(v);
                tests.add(DynamicTest.dynamicTest(
                        type.getSimpleName() + " vs released v" + (v + 1),
                        () -> assertThat(FullCompatibility.problems(current, released))
                                .isEmpty()));
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(SchemaCatalog.RECORD_CLASSES.size());
        return tests;
    }

    @Test
    void the_check_rejects_a_deliberately_incompatible_change() throws IOException {
        Schema current = SchemaCatalog.currentSchema(OrderCancelled.class);
        // a required field without a default, and a field whose type changed
        Schema breaking = fixture("compat-fixtures/OrderCancelled-incompatible.avsc");

        List<String> problems = FullCompatibility.problems(breaking, current);

        assertThat(problems)
                .anySatisfy(p ->
                        assertThat(p).contains("new reader, old data").contains("READER_FIELD_MISSING_DEFAULT_VALUE"))
                .anySatisfy(p -> assertThat(p).contains("TYPE_MISMATCH"));
    }

    @Test
    void the_check_rejects_a_changed_logical_type_that_avro_alone_would_accept() {
        Schema current = SchemaCatalog.currentSchema(OrderCancelled.class);
        Schema micros =
                new Schema.Parser().parse(current.toString().replace("\"timestamp-millis\"", "\"timestamp-micros\""));

        assertThat(FullCompatibility.problems(micros, current))
                .containsExactly("logical type changed at co.wpfoods.schemas.orders.OrderCancelled.occurredAt: "
                        + "timestamp-millis -> timestamp-micros");
    }

    @Test
    void the_check_accepts_an_added_optional_field() throws IOException {
        Schema current = SchemaCatalog.currentSchema(OrderCancelled.class);
        Schema evolved = fixture("compat-fixtures/OrderCancelled-compatible.avsc");

        assertThat(FullCompatibility.problems(evolved, current)).isEmpty();
    }

    private static Schema fixture(String path) throws IOException {
        try (InputStream in = SchemaCompatibilityTest.class.getClassLoader().getResourceAsStream(path)) {
            return new Schema.Parser().parse(in);
        }
    }
}
