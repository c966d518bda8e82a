package co.wpfoods.launcher;

import co.wpfoods.testing.PostgresServer;
import co.wpfoods.testing.process.ServiceProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole local platform: one embedded PostgreSQL (a database per service), one KRaft Kafka broker, and every
 * service as its own JVM. {@link #start()} returns once every service is healthy or has failed; {@link #stop()} stops
 * services first, then Kafka, then PostgreSQL.
 */
final class Platform {

    /**
     * How long a service may take to stop after SIGTERM before it is killed. Spring's graceful shutdown takes a few
     * seconds, but the first stop after a service's jar changed also writes its class-data-sharing archive, and eight
     * JVMs doing that at once on two busy cores can take a minute.
     */
    static final Duration STOP_GRACE = Duration.ofSeconds(90);

    private final LauncherOptions options;
    private final PrintStream out;
    private final Instant launchedAt;
    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    private final Map<String, String> status = new ConcurrentHashMap<>();
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private volatile boolean stopping;
    private volatile String phase = "starting";
    private Double secondsToHealthy;

    Platform(LauncherOptions options, PrintStream out, Instant launchedAt) {
        this.options = options;
        this.out = out;
        this.launchedAt = launchedAt;
    }

    /** Starts everything; returns true when every service is healthy. */
    boolean start() throws Exception {
        refuseIfRunning();
        Files.createDirectories(options.logDir());
        Ports ports = options.ports();
        refuseIfPortsBusy(ports);
        // a new token signing key for this run (services read its public key at start) and the data keysets
        new LocalSecurity(options.dataDir()).prepare();
        writeState();

        out.printf("Starting PostgreSQL (port %d) and Kafka (port %d)…%n", ports.postgres(), ports.kafka());
        // Kafka loads classes by name through the context class loader: give the worker threads the launcher's
        ClassLoader loader = Platform.class.getClassLoader();
        var postgresStarted = CompletableFuture.supplyAsync(() -> {
            Thread.currentThread().setContextClassLoader(loader);
            stopStalePostgres(options.dataDir().resolve("postgres"));
            return PostgresServer.start(options.dataDir().resolve("postgres"), ports.postgres());
        });
        var kafkaStarted = CompletableFuture.supplyAsync(() -> {
            Thread.currentThread().setContextClassLoader(loader);
            try {
                return KafkaBroker.start(options.dataDir().resolve("kafka"), ports.kafka(), ports.kafkaController());
            } catch (Exception e) {
                throw new IllegalStateException("Kafka did not start: " + e.getMessage(), e);
            }
        });
        postgres = postgresStarted.join();
        for (String name : options.services()) {
            if (Services.hasDatabase(name)) {
                postgres.createDatabaseNamed(Services.databaseOf(name));
            }
        }
        kafka = kafkaStarted.join();
        out.printf("  ✓ PostgreSQL and Kafka ready after %.1f s%n", elapsed());

        Map<String, CompletableFuture<List<String>>> launches = new LinkedHashMap<>();
        var extracting = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        for (String name : options.services()) {
            Services.Spec spec = Services.spec(name, options);
            if (!Files.isRegularFile(spec.jar())) {
                status.put(name, "missing");
                out.printf(
                        "  ✗ %-19s not built: %s is missing (./mvnw -B -q install -DskipTests)%n",
                        name, LauncherOptions.shown(options.repo(), spec.jar()));
                continue;
            }
            launches.put(
                    name,
                    CompletableFuture.supplyAsync(
                            () -> ClassDataSharing.launchArguments(
                                    spec, options.dataDir().resolve("apps")),
                            extracting));
        }
        for (var launch : launches.entrySet()) {
            Services.Spec spec = Services.spec(launch.getKey(), options);
            String name = spec.name();
            ServiceProcess process = ServiceProcess.start(new ServiceProcess.Launch(
                    name,
                    spec.port(),
                    Services.JVM_OPTIONS,
                    launch.getValue().join(),
                    spec.arguments(),
                    options.logDir().resolve(name + ".log"),
                    options.repo()));
            processes.put(name, process);
            status.put(name, "starting");
            process.onUnexpectedExit(code -> crashed(process, code));
        }
        writeState();
        out.printf(
                "Starting %d services (logs in %s)…%n",
                processes.size(), LauncherOptions.shown(options.repo(), options.logDir()));

        awaitHealthy();
        boolean allUp = status.values().stream().allMatch("up"::equals);
        phase = allUp ? "up" : "degraded";
        secondsToHealthy = elapsed();
        writeState();
        return allUp;
    }

    private void awaitHealthy() throws InterruptedException {
        long deadline = System.nanoTime() + options.healthTimeout().toNanos();
        while (System.nanoTime() < deadline && !stopping) {
            boolean waiting = false;
            for (ServiceProcess process : processes.values()) {
                if (!"starting".equals(status.get(process.name()))) {
                    continue;
                }
                if (Health.isUp(process.port())) {
                    status.put(process.name(), "up");
                    out.printf("  ✓ %-19s UP after %5.1f s  (port %d)%n", process.name(), elapsed(), process.port());
                    writeState();
                } else {
                    waiting = true;
                }
            }
            if (!waiting) {
                return;
            }
            Thread.sleep(500);
        }
        List<ServiceProcess> late = new ArrayList<>();
        for (ServiceProcess process : processes.values()) {
            if ("starting".equals(status.get(process.name()))) {
                status.put(process.name(), "failed");
                late.add(process);
                out.printf(
                        "  ✗ %-19s not healthy after %d s: %s — see %s (still waiting for it in the background)%n",
                        process.name(), options.healthTimeout().toSeconds(), Health.of(process.port()), process.log());
            }
        }
        if (!late.isEmpty() && !stopping) {
            Thread.ofVirtual().name("wpfoods-late-services").start(() -> awaitLate(late));
        }
    }

    /**
     * Keeps asking a service that missed the health timeout (a busy machine, not necessarily a broken service) until it
     * answers UP, crashes or the platform stops; then it counts as up, and the state file and console say so.
     */
    private void awaitLate(List<ServiceProcess> late) {
        List<ServiceProcess> waiting = new ArrayList<>(late);
        while (!waiting.isEmpty() && !stopping) {
            for (var it = waiting.iterator(); it.hasNext(); ) {
                ServiceProcess process = it.next();
                if (!"failed".equals(status.get(process.name()))) {
                    it.remove(); // crashed meanwhile
                } else if (Health.isUp(process.port()) && status.replace(process.name(), "failed", "up")) {
                    it.remove();
                    synchronized (out) {
                        out.printf(
                                "%n  ✓ %-19s UP after %5.1f s  (port %d), later than --health-timeout%n",
                                process.name(), elapsed(), process.port());
                    }
                    if (status.values().stream().allMatch("up"::equals) && "degraded".equals(phase)) {
                        phase = "up";
                    }
                    writeStateQuietly();
                }
            }
            try {
                Thread.sleep(1000); // the interval between two health checks, not a wait for a result
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    boolean isUp(String service) {
        return "up".equals(status.get(service));
    }

    /** Missed the health timeout and is still waited for in the background. */
    boolean isLate(String service) {
        return "failed".equals(status.get(service));
    }

    LauncherOptions options() {
        return options;
    }

    private void crashed(ServiceProcess process, int exitCode) {
        if (stopping || exitCode == 130 || exitCode == 143) {
            return; // Ctrl-C reaches the children too; that is a stop, not a crash
        }
        status.put(process.name(), "crashed");
        synchronized (out) {
            out.printf(
                    "%n  ✗ %s STOPPED UNEXPECTEDLY (exit code %d). Last lines of %s:%n",
                    process.name(), exitCode, process.log());
            process.tail(15).forEach(line -> out.println("      | " + line));
        }
        if ("up".equals(phase)) {
            phase = "degraded";
        }
        writeState();
    }

    /** Stops every service (gracefully, then forcibly), then Kafka, then PostgreSQL. */
    synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        phase = "stopping";
        writeStateQuietly();
        out.println("Stopping WPFoods…");
        processes.values().forEach(ServiceProcess::requestStop);
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        var waiting = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        for (ServiceProcess process : processes.values()) {
            waits.add(CompletableFuture.runAsync(
                    () -> {
                        boolean graceful = process.awaitStop(STOP_GRACE);
                        out.printf(
                                "  ■ %-19s %s%n",
                                process.name(),
                                graceful ? "stopped" : "killed (did not stop in " + STOP_GRACE.toSeconds() + " s)");
                    },
                    waiting));
        }
        CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
        if (kafka != null) {
            try {
                // a broker that failed fatally may never finish shutting down: do not hang on it
                ClassLoader loader = Platform.class.getClassLoader();
                Thread closing = Thread.ofPlatform().name("kafka-stop").start(() -> {
                    Thread.currentThread().setContextClassLoader(loader);
                    kafka.close();
                });
                closing.join(java.time.Duration.ofSeconds(60));
                if (closing.isAlive()) {
                    throw new java.util.concurrent.TimeoutException();
                }
                out.println("  ■ kafka               stopped");
            } catch (java.util.concurrent.TimeoutException e) {
                out.println("  ■ kafka               did not stop in 60 s; leaving it to the JVM's exit");
            } catch (InterruptedException | RuntimeException e) {
                out.println("  ■ kafka               stop failed: " + e.getMessage());
            }
        }
        if (postgres != null) {
            try {
                postgres.close();
                out.println("  ■ postgres            stopped");
            } catch (RuntimeException e) {
                out.println("  ■ postgres            stop failed: " + e.getMessage());
            }
        }
        try {
            Files.deleteIfExists(options.stateFile());
        } catch (IOException e) {
            out.println("Could not delete " + options.stateFile() + ": " + e.getMessage());
        }
        out.println("WPFoods stopped.");
    }

    Map<String, String> status() {
        return Map.copyOf(status);
    }

    List<ServiceProcess> processes() {
        return List.copyOf(processes.values());
    }

    double elapsed() {
        return Duration.between(launchedAt, Instant.now()).toMillis() / 1000.0;
    }

    String chatUrl() {
        return options.ports().url("whatsapp-simulator") + "/";
    }

    private void refuseIfRunning() {
        PlatformState.read(options.stateFile()).ifPresent(previous -> {
            if (previous.launcherPid() != ProcessHandle.current().pid() && previous.launcherAlive()) {
                throw new IllegalStateException(
                        "WPFoods is already running from " + options.dataDir() + " (launcher pid "
                                + previous.launcherPid() + "). See ./wpfoods status, or stop it with Ctrl-C / kill "
                                + previous.launcherPid() + ".");
            }
            // the previous launcher died without cleaning up (kill -9, power loss): stop what it left behind
            for (PlatformState.Service service : previous.services()) {
                if (service.pid() == null) {
                    continue;
                }
                ProcessHandle.of(service.pid())
                        .filter(p -> p.info()
                                .arguments()
                                .map(a -> String.join(" ", a))
                                .orElse("")
                                .contains(ServiceProcess.SERVICE_PROPERTY + service.name()))
                        .ifPresent(orphan -> {
                            out.printf(
                                    "Stopping %s left over from a previous run (pid %d)%n",
                                    service.name(), orphan.pid());
                            orphan.destroyForcibly();
                        });
            }
        });
    }

    /** A busy port would make one service fail late and obscurely; say it before starting anything. */
    private void refuseIfPortsBusy(Ports ports) {
        List<String> names = new ArrayList<>(options.services());
        names.addAll(List.of("postgres", "kafka", "kafka-controller"));
        List<String> busy = new ArrayList<>();
        for (String name : names) {
            int port = ports.of(name);
            try (var socket = new java.net.ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new java.net.InetSocketAddress("localhost", port));
            } catch (IOException e) {
                busy.add(name + " " + port);
            }
        }
        if (!busy.isEmpty()) {
            throw new IllegalStateException("Ports already in use: " + String.join(", ", busy)
                    + ". Is another WPFoods running (./wpfoods status)? Or choose other ports with --port-offset N.");
        }
    }

    /** A PostgreSQL left running by a launcher that was killed holds the data directory; stop it first. */
    private void stopStalePostgres(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
            ProcessHandle.of(pid)
                    .filter(p -> p.info().command().orElse("").contains("postgres"))
                    .ifPresent(stale -> {
                        out.printf("Stopping PostgreSQL left over from a previous run (pid %d)%n", pid);
                        stale.destroy();
                        stale.onExit()
                                .orTimeout(20, java.util.concurrent.TimeUnit.SECONDS)
                                .exceptionally(e -> {
                                    stale.destroyForcibly();
                                    return stale;
                                })
                                .join();
                    });
        } catch (IOException | RuntimeException e) {
            // unreadable or stale file: PostgreSQL itself decides
        }
    }

    void writeState() {
        List<PlatformState.Service> services = new ArrayList<>();
        for (String name : options.services()) {
            ServiceProcess process = processes.get(name);
            services.add(new PlatformState.Service(
                    name,
                    options.ports().of(name),
                    process == null ? null : process.pid(),
                    status.getOrDefault(name, "starting"),
                    options.logDir().resolve(name + ".log").toString()));
        }
        new PlatformState(
                        ProcessHandle.current().pid(),
                        phase,
                        launchedAt.toString(),
                        secondsToHealthy,
                        chatUrl(),
                        options.ports().postgres(),
                        options.ports().kafka(),
                        services)
                .write(options.stateFile());
    }

    private void writeStateQuietly() {
        try {
            writeState();
        } catch (RuntimeException e) {
            // stopping anyway
        }
    }
}
