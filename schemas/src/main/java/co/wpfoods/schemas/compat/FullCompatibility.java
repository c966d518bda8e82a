package co.wpfoods.schemas.compat;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Full compatibility between two versions of a record: the new schema reads data written with the old one
 * (backward) and the old schema reads data written with the new one (forward).
 */
public final class FullCompatibility {

    private FullCompatibility() {}

    /** Problems found, empty when the two versions are fully compatible. */
    public static List<String> problems(Schema current, Schema released) {
        List<String> problems = new ArrayList<>();
        if (!current.getFullName().equals(released.getFullName())) {
            problems.add("record renamed: " + released.getFullName() + " -> " + current.getFullName());
        }
        describe(
                "new reader, old data",
                SchemaCompatibility.checkReaderWriterCompatibility(current, released),
                problems);
        describe(
                "old reader, new data",
                SchemaCompatibility.checkReaderWriterCompatibility(released, current),
                problems);
        return problems;
    }

    private static void describe(String direction, SchemaPairCompatibility result, List<String> problems) {
        if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
            result.getResult()
                    .getIncompatibilities()
                    .forEach(i -> problems.add(
                            direction + ": " + i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")"));
        }
    }
}
