package co.wpfoods.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the WPFoods checkout is, for tests and benchmarks that run from a module or the root. */
public final class Repository {

    private Repository() {}

    /** The nearest folder, from the current one upwards, that holds {@code mvnw} and {@code pom.xml}. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw")) && Files.exists(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("Run from inside the WPFoods repository, not " + dir);
    }
}
