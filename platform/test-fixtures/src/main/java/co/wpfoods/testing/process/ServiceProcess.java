package co.wpfoods.testing.process;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One WPFoods service as its own JVM, started from its executable jar: the one way the end-to-end tests and the
 * launcher ({@code ./wpfoods up}) start a service. Its output is appended to a log file, after a line saying when it
 * started; its standard input is empty; a JVM crash report goes beside the log, not into the working directory.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** JVM options for a test or a laptop: small heap, serial GC, C1 only (fast start, little compiler memory). */
    public static final List<String> SMALL_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /**
     * How to start one service.
     *
     * @param name the service (module) name, e.g. {@code order-service}
     * @param port its HTTP port; {@code --server.port} must be among the arguments
     * @param jvmOptions options before the launch arguments (heap, GC, system properties)
     * @param launch what runs: {@code -jar <jar>} (class-data-sharing options may come first)
     * @param arguments the program's arguments, Spring properties as {@code --name=value}
     * @param log the file the output is appended to
     * @param workDir the working directory
     */
    public record Launch(
            String name,
            int port,
            List<String> jvmOptions,
            List<String> launch,
            List<String> arguments,
            Path log,
            Path workDir) {

        public Launch {
            jvmOptions = List.copyOf(jvmOptions);
            launch = List.copyOf(launch);
            arguments = List.copyOf(arguments);
        }

        /**
         * A module's executable jar in a built checkout on {@code port} with {@code properties}, small JVM options, its
         * output in {@code <logDir>/<module>.log}.
         */
        public static Launch ofJar(
                Path repository, String module, int port, Map<String, String> properties, Path logDir) {
            Path jar = executableJar(repository, module);
            if (!Files.exists(jar)) {
                throw new IllegalStateException(
                        "No executable jar " + jar + ": build the services first (./mvnw verify builds them)");
            }
            List<String> arguments = new ArrayList<>(List.of("--server.port=" + port));
            properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
            return new Launch(
                    module,
                    port,
                    SMALL_JVM,
                    List.of("-jar", jar.toString()),
                    arguments,
                    logDir.resolve(module + ".log"),
                    repository);
        }

        /** The whole command line; {@code -Dwpfoods.service=<name>} tells the process apart in a process list. */
        public List<String> command() {
            List<String> command = new ArrayList<>();
            command.add(javaBinary());
            command.addAll(jvmOptions);
            command.add(SERVICE_PROPERTY + name);
            command.add("-XX:ErrorFile=" + log.toAbsolutePath().resolveSibling(name + "-hs_err_pid%p.log"));
            command.addAll(launch);
            command.addAll(arguments);
            return command;
        }
    }

    /** The system property naming the service in its command line. */
    public static final String SERVICE_PROPERTY = "-Dwpfoods.service=";

    private final Launch launch;
    private final Process process;
    private volatile boolean stopping;

    private ServiceProcess(Launch launch, Process process) {
        this.launch = launch;
        this.process = process;
    }

    public static ServiceProcess start(Launch launch) {
        try {
            Files.createDirectories(launch.log().toAbsolutePath().getParent());
            Files.writeString(
                    launch.log(),
                    "%n===== %s starting %s =====%n".formatted(Instant.now(), launch.name()),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            Process process = new ProcessBuilder(launch.command())
                    .directory(launch.workDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(
                            ProcessBuilder.Redirect.appendTo(launch.log().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            return new ServiceProcess(launch, process);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + launch.name(), e);
        }
    }

    /** The module's executable jar in a built checkout: {@code <module>/target/<module>-<version>-exec.jar}. */
    public static Path executableJar(Path repository, String module) {
        return repository.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT-exec.jar");
    }

    /** The java that runs this JVM runs the services too. */
    public static String javaBinary() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return launch.name();
    }

    public int port() {
        return launch.port();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return launch.log();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String url(String path) {
        return "http://localhost:" + launch.port() + path;
    }

    /** Calls {@code onCrash} with the exit code if the process ends while nobody asked it to stop. */
    public void onUnexpectedExit(Consumer<Integer> onCrash) {
        process.onExit().thenAccept(p -> {
            if (!stopping) {
                onCrash.accept(p.exitValue());
            }
        });
    }

    /** Whether {@code /actuator/health} answers UP now. */
    public boolean healthy() {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until {@code /actuator/health} answers UP; fails early (with the log's path) if the process dies. */
    public ServiceProcess awaitHealthy(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name() + " exited with " + process.exitValue() + "; see " + log());
            }
            return healthy();
        });
        return this;
    }

    /** Asks the service to stop (SIGTERM: Spring's graceful shutdown). */
    public void requestStop() {
        stopping = true;
        process.destroy();
    }

    /** Waits for the stop; kills the process (and anything it started) if it takes longer than {@code grace}. */
    public boolean awaitStop(Duration grace) {
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
    public List<String> tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log(), StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException | UncheckedIOException e) {
            return List.of("(cannot read " + log() + ": " + e.getMessage() + ")");
        }
    }

    /** Stops the service, giving it 20 s to shut down gracefully. */
    @Override
    public void close() {
        requestStop();
        awaitStop(Duration.ofSeconds(20));
    }
}
