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
        logicalTypes(current, released, current.getFullName(), problems, new java.util.HashSet<>());
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

    /**
     * Avro's check and the fingerprint look at physical types only: {@code timestamp-millis} to
     * {@code timestamp-micros}, or a decimal's scale, would pass and then decode wrongly. Compare logical types
     * wherever both versions have the same path.
     */
    private static void logicalTypes(
            Schema current, Schema released, String path, List<String> problems, java.util.Set<String> seen) {
        String currentLogical = logical(current);
        String releasedLogical = logical(released);
        if (!java.util.Objects.equals(currentLogical, releasedLogical)) {
            problems.add("logical type changed at " + path + ": " + releasedLogical + " -> " + currentLogical);
        }
        switch (current.getType()) {
            case RECORD -> {
                if (released.getType() != Schema.Type.RECORD || !seen.add(current.getFullName())) {
                    return;
                }
                for (Schema.Field field : current.getFields()) {
                    Schema.Field old = released.getField(field.name());
                    if (old != null) {
                        logicalTypes(field.schema(), old.schema(), path + "." + field.name(), problems, seen);
                    }
                }
            }
            case ARRAY -> {
                if (released.getType() == Schema.Type.ARRAY) {
                    logicalTypes(current.getElementType(), released.getElementType(), path + "[]", problems, seen);
                }
            }
            case MAP -> {
                if (released.getType() == Schema.Type.MAP) {
                    logicalTypes(current.getValueType(), released.getValueType(), path + "{}", problems, seen);
                }
            }
            case UNION -> {
                if (released.getType() == Schema.Type.UNION) {
                    for (Schema branch : current.getTypes()) {
                        for (Schema oldBranch : released.getTypes()) {
                            if (branch.getType() == oldBranch.getType()
                                    && java.util.Objects.equals(branch.getFullName(), oldBranch.getFullName())) {
                                logicalTypes(branch, oldBranch, path, problems, seen);
                            }
                        }
                    }
                }
            }
            default -> {}
        }
    }

    private static String logical(Schema schema) {
        if (schema.getLogicalType() == null) {
            return null;
        }
        return schema.getLogicalType() instanceof org.apache.avro.LogicalTypes.Decimal d
                ? "decimal(" + d.getPrecision() + "," + d.getScale() + ")"
                : schema.getLogicalType().getName();
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
