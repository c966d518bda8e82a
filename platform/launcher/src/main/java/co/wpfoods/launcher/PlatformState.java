package co.wpfoods.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What runs, written to {@code .data/launcher.json} for {@code ./wpfoods status}, the bench and the end-to-end test.
 *
 * @param phase {@code starting}, {@code up} (every started service healthy), {@code degraded} (some failed) or
 *     {@code stopping}
 */
public record PlatformState(
        long launcherPid,
        String phase,
        String startedAt,
        Double secondsToHealthy,
        String chatUrl,
        int postgresPort,
        int kafkaPort,
        List<Service> services) {

    /** One service: {@code status} is starting, up, failed, crashed or missing (jar not built). */
    public record Service(String name, int port, Long pid, String status, String log) {}

    static final JsonMapper JSON = JsonMapper.builder().build();

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Optional<PlatformState> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), PlatformState.class));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    boolean launcherAlive() {
        return ProcessHandle.of(launcherPid).map(ProcessHandle::isAlive).orElse(false);
    }
}
