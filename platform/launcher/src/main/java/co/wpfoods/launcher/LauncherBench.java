package co.wpfoods.launcher;

import co.wpfoods.testing.bench.BenchmarkLog;
import co.wpfoods.testing.process.ServiceProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Bench {@code launcher}: time from launching {@code up} to "all healthy", cold (empty data folder) and warm (second
 * start on the same data), and the resident memory of the whole platform at rest (sum of VmRSS of the launcher and
 * every process it started, from /proc). Runs its own platform in {@code <data>/bench} on ports offset by 100, so it
 * never touches the data of a normal run. Appends to {@code docs/benchmarks.jsonl}.
 */
final class LauncherBench {

    static final Duration SETTLE = Duration.ofSeconds(20);

    private LauncherBench() {}

    static int run(LauncherOptions options, PrintStream out) throws Exception {
        Path dataDir = options.dataDir().resolve("bench");
        int offset = options.portOffset() + 100;
        deleteRecursively(dataDir);
        out.println("Bench launcher: cold start (empty " + dataDir + ")…");
        Run cold = startAndMeasure(options, dataDir, offset, true, out);
        out.println("Bench launcher: warm start (same data)…");
        Run warm = startAndMeasure(options, dataDir, offset, false, out);

        long archives;
        try (Stream<Path> apps =
                Files.exists(dataDir.resolve("apps")) ? Files.list(dataDir.resolve("apps")) : Stream.empty()) {
            archives = apps.filter(app -> Files.exists(app.resolve("app.jsa"))).count();
        }
        String note =
                "services up cold %d/%d, warm %d/%d; %d class-data-sharing archives; 2-core shared machine, load %s; jars prebuilt"
                        .formatted(
                                cold.servicesUp(),
                                cold.services(),
                                warm.servicesUp(),
                                warm.services(),
                                archives,
                                load());
        var log = new BenchmarkLog("launcher", "./wpfoods bench", options.repo());
        log.record("cold_start_s", cold.seconds(), "s", note);
        log.record("warm_start_s", warm.seconds(), "s", note);
        log.record("resident_mb", warm.residentMb(), "MB", note);
        log.record("pss_mb", warm.pssMb(), "MB", note);
        out.printf(
                "cold_start_s=%.1f warm_start_s=%.1f resident_mb=%.0f pss_mb=%.0f (%s)%n",
                cold.seconds(), warm.seconds(), warm.residentMb(), warm.pssMb(), note);
        out.println("Memory at rest (warm run):");
        warm.breakdown().forEach((name, mb) -> out.printf("  %-40s %7.0f MB%n", name, mb));
        out.println("Appended to " + log.file());
        deleteRecursively(dataDir);
        return 0;
    }

    record Run(
            double seconds,
            double residentMb,
            double pssMb,
            int servicesUp,
            int services,
            Map<String, Double> breakdown) {}

    private static Run startAndMeasure(LauncherOptions options, Path dataDir, int offset, boolean cold, PrintStream out)
            throws Exception {
        Files.createDirectories(options.logDir());
        Path console = options.logDir().resolve("bench-" + (cold ? "cold" : "warm") + ".log");
        List<String> command = new ArrayList<>(List.of(
                ServiceProcess.javaBinary(),
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                selfJar().toString(),
                "up",
                "--repo",
                options.repo().toString(),
                "--data-dir",
                dataDir.toString(),
                "--port-offset",
                Integer.toString(offset)));
        long started = System.nanoTime();
        Process launcher = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(console.toFile())
                .start();
        Path stateFile = dataDir.resolve("launcher.json");
        PlatformState state = null;
        double seconds = -1;
        while (launcher.isAlive()
                && System.nanoTime() - started < options.healthTimeout().toNanos() + 60_000_000_000L) {
            var read = PlatformState.read(stateFile);
            if (read.isPresent()
                    && (read.get().phase().equals("up") || read.get().phase().equals("degraded"))) {
                state = read.get();
                seconds = (System.nanoTime() - started) / 1e9;
                break;
            }
            Thread.sleep(200);
        }
        if (state == null) {
            launcher.destroy();
            launcher.waitFor(60, TimeUnit.SECONDS);
            throw new IllegalStateException("The launcher did not report healthy; see " + console);
        }
        out.printf("  healthy after %.1f s (%s)%n", seconds, state.phase());
        Thread.sleep(SETTLE.toMillis()); // seeding and start-up work finish; then measure at rest
        Map<String, Double> breakdown = new LinkedHashMap<>();
        double total = rssMb(launcher.toHandle());
        breakdown.put("launcher (Kafka inside)", total);
        var postgresPids = postgresProcesses(dataDir.resolve("postgres")).stream()
                .map(ProcessHandle::pid)
                .collect(java.util.stream.Collectors.toSet());
        for (ProcessHandle child : launcher.descendants().toList()) {
            if (postgresPids.contains(child.pid())) {
                continue;
            }
            double mb = rssMb(child);
            total += mb;
            String name = child.info().arguments().stream()
                    .flatMap(java.util.Arrays::stream)
                    .filter(a -> a.startsWith(ServiceProcess.SERVICE_PROPERTY))
                    .map(a -> a.substring(a.indexOf('=') + 1))
                    .findFirst()
                    .orElse(child.info()
                                    .command()
                                    .map(c -> Path.of(c).getFileName().toString())
                                    .orElse("?") + " " + child.pid());
            breakdown.merge(name, mb, Double::sum);
        }
        // PostgreSQL daemonizes (pg_ctl), so it is not in the launcher's process tree: find it by its pid file
        double postgresMb = postgresProcesses(dataDir.resolve("postgres")).stream()
                .mapToDouble(LauncherBench::rssMb)
                .sum();
        breakdown.put("postgres (all processes)", postgresMb);
        total += postgresMb;
        // RSS counts PostgreSQL's shared buffers once per backend; PSS shares them out, so it is the truer total
        double pss = Stream.concat(
                        Stream.concat(Stream.of(launcher.toHandle()), launcher.descendants()),
                        postgresProcesses(dataDir.resolve("postgres")).stream())
                .map(ProcessHandle::pid)
                .distinct()
                .mapToDouble(LauncherBench::pssMb)
                .sum();
        List<ProcessHandle> before = launcher.descendants().toList();
        launcher.destroy();
        if (!launcher.waitFor(120, TimeUnit.SECONDS)) {
            launcher.destroyForcibly();
        }
        long leftovers = before.stream().filter(ProcessHandle::isAlive).count();
        if (leftovers > 0) {
            out.println("  ! " + leftovers + " processes still alive after stop; killing them");
            before.forEach(ProcessHandle::destroyForcibly);
        }
        long up = state.services().stream().filter(s -> s.status().equals("up")).count();
        return new Run(seconds, total, pss, (int) up, state.services().size(), breakdown);
    }

    static List<ProcessHandle> postgresProcesses(Path pgData) {
        try {
            long pid = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid"))
                    .getFirst()
                    .strip());
            return ProcessHandle.of(pid)
                    .map(p -> Stream.concat(Stream.of(p), p.descendants()).toList())
                    .orElse(List.of());
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Proportional set size of one process (shared pages divided among their users), from smaps_rollup. */
    static double pssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended meanwhile
        }
        return 0;
    }

    /** Resident set size of one process, from /proc/<pid>/status. */
    static double rssMb(ProcessHandle process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended meanwhile
        }
        return 0;
    }

    /** The launcher's own jar: {@code java -jar <jar>} makes it the class path. */
    static Path selfJar() {
        return Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0])
                .toAbsolutePath();
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
