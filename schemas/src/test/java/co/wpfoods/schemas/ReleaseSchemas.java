package co.wpfoods.schemas;

import co.wpfoods.schemas.compat.FullCompatibility;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Releases the current schemas: for every record whose current schema is not yet among its released versions, writes
 * {@code avro-released/<full name>/<next>.avsc} and lists it in {@code INDEX}. Refuses a change that is not fully
 * compatible with every released version. Run before shipping a change to a contract:
 *
 * <pre>./mvnw -pl schemas test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=co.wpfoods.schemas.ReleaseSchemas \
 *     -Dexec.args=schemas/src/main/resources/avro-released</pre>
 */
public final class ReleaseSchemas {

    private ReleaseSchemas() {}

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "src/main/resources/avro-released");
        SchemaCatalog catalog = SchemaCatalog.get();
        int released = 0;
        for (Class<? extends SpecificRecord> type : SchemaCatalog.RECORD_CLASSES) {
            Schema current = SchemaCatalog.currentSchema(type);
            List<Schema> versions = catalog.released(current.getFullName());
            long fingerprint = SchemaCatalog.fingerprint(current);
            if (versions.stream().anyMatch(v -> SchemaCatalog.fingerprint(v) == fingerprint)) {
                continue;
            }
            for (Schema version : versions) {
                List<String> problems = FullCompatibility.problems(current, version);
                if (!problems.isEmpty()) {
                    throw new IllegalStateException(
                            "Not releasing " + current.getFullName() + ", incompatible: " + problems);
                }
            }
            String path = current.getFullName() + "/" + (versions.size() + 1) + ".avsc";
            Files.createDirectories(root.resolve(current.getFullName()));
            Files.writeString(root.resolve(path), current.toString(true) + "\n", StandardCharsets.UTF_8);
            Files.writeString(root.resolve("INDEX"), path + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            System.out.println("released " + path);
            released++;
        }
        System.out.println(released + " schema version(s) released");
    }
}
