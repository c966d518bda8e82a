package co.wpfoods.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the command line asked for. Every option has a default that suits a laptop run from the repository root.
 *
 * @param command {@code up}, {@code status} or {@code bench}
 * @param repo the repository root (where each service's {@code target/} folder is)
 * @param dataDir where PostgreSQL, Kafka, logs and the state file live ({@code <repo>/.data})
 * @param portOffset added to every default port, so a second platform (tests, bench) can run beside the first
 * @param seed load the demo data
 * @param healthTimeout longest wait for a service to become healthy
 * @param services which services to start (default: all of {@link Services#NAMES})
 */
public record LauncherOptions(
        String command,
        Path repo,
        Path dataDir,
        int portOffset,
        boolean seed,
        Duration healthTimeout,
        List<String> services) {

    public static LauncherOptions parse(String... args) {
        String command = "up";
        Path repo = Path.of(Optional.ofNullable(System.getenv("WPFOODS_REPO")).orElse("."));
        Path dataDir = null;
        int portOffset = Integer.parseInt(
                Optional.ofNullable(System.getenv("WPFOODS_PORT_OFFSET")).orElse("0"));
        boolean seed = true;
        Duration healthTimeout = Duration.ofSeconds(240);
        List<String> services = Services.NAMES;
        List<String> rest = new ArrayList<>(List.of(args));
        if (!rest.isEmpty() && !rest.getFirst().startsWith("--")) {
            command = rest.removeFirst();
        }
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            switch (arg) {
                case "--repo" -> repo = Path.of(rest.get(++i));
                case "--data-dir" -> dataDir = Path.of(rest.get(++i));
                case "--port-offset" -> portOffset = Integer.parseInt(rest.get(++i));
                case "--no-seed" -> seed = false;
                case "--health-timeout" -> healthTimeout = Duration.ofSeconds(Long.parseLong(rest.get(++i)));
                case "--services" -> services = List.of(rest.get(++i).split(","));
                default -> throw new IllegalArgumentException("Unknown option " + arg + " (see ./wpfoods help)");
            }
        }
        repo = repo.toAbsolutePath().normalize();
        dataDir = (dataDir == null ? repo.resolve(".data") : dataDir)
                .toAbsolutePath()
                .normalize();
        for (String service : services) {
            if (!Services.NAMES.contains(service)) {
                throw new IllegalArgumentException("Unknown service " + service + "; known: " + Services.NAMES);
            }
        }
        return new LauncherOptions(command, repo, dataDir, portOffset, seed, healthTimeout, services);
    }

    /** A path as a person wants to read it: relative to the repository when inside it, else absolute. */
    static Path shown(Path repo, Path path) {
        return path.startsWith(repo) ? repo.relativize(path) : path;
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public Path stateFile() {
        return dataDir.resolve("launcher.json");
    }

    public Ports ports() {
        return new Ports(portOffset);
    }
}
