package co.wpfoods.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** One service running as its own JVM, its output appended to {@code <logs>/<name>.log}. */
final class ServiceProcess {

    private final Services.Spec spec;
    private final Path log;
    private final Process process;
    private volatile boolean stopping;

    private ServiceProcess(Services.Spec spec, Path log, Process process) {
        this.spec = spec;
        this.log = log;
        this.process = process;
    }

    static ServiceProcess start(Services.Spec spec, List<String> launch, Path logDir, Path workDir) throws IOException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve(spec.name() + ".log");
        Files.writeString(
                log,
                "%n===== %s starting %s =====%n".formatted(Instant.now(), spec.name()),
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(Services.JVM_OPTIONS);
        command.add("-Dwpfoods.launcher.service=" + spec.name());
        // a JVM crash report goes beside the service's log, not into the working directory (the checkout)
        command.add("-XX:ErrorFile=" + logDir.toAbsolutePath().resolve(spec.name() + "-hs_err_pid%p.log"));
        command.addAll(launch);
        command.addAll(spec.arguments());
        var builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return new ServiceProcess(spec, log, builder.start());
    }

    /** The java that runs the launcher runs the services too (a JDK 21+, found by bin/find-jdk.sh). */
    static String javaBinary() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Calls {@code onCrash} with the exit code if the process ends while nobody asked it to stop. */
    void onUnexpectedExit(Consumer<Integer> onCrash) {
        process.onExit().thenAccept(p -> {
            if (!stopping) {
                onCrash.accept(p.exitValue());
            }
        });
    }

    String name() {
        return spec.name();
    }

    Services.Spec spec() {
        return spec;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Asks the service to stop (SIGTERM: Spring's graceful shutdown). */
    void requestStop() {
        stopping = true;
        process.destroy();
    }

    /** Waits for the stop; kills the process (and anything it started) if it takes longer than {@code grace}. */
    boolean awaitStop(Duration grace) {
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    /** The last lines of the service's log, to show why it stopped. */
    List<String> tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }
}
