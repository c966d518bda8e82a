package co.wpfoods.eventing.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the machine's CPU went during one phase of the benchmark: per JVM thread (names with their numbers folded),
 * the JVM's own threads (GC, JIT: process time not owned by a Java thread) and everything outside this JVM
 * (PostgreSQL's backends and WAL sender). Printed to stdout; not a figure of record, an explanation of one.
 */
final class CpuAccount {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> threadStart = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private final Map<String, Long> nativeStart = nativeThreads();
    private final long processStart;
    private final long machineStart;
    private final long wallStart;

    private CpuAccount() {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                threadStart.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
                names.put(info.getThreadId(), info.getThreadName());
            }
        }
        processStart = processCpuNanos();
        machineStart = machineBusyNanos();
        wallStart = System.nanoTime();
    }

    static CpuAccount start() {
        return new CpuAccount();
    }

    /** Prints the split since {@link #start()}, in cores (CPU seconds per wall second). */
    void print(String phase) {
        double wall = (System.nanoTime() - wallStart) / 1e9;
        Map<String, Long> byName = new TreeMap<>();
        long javaThreads = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long now = threads.getThreadCpuTime(info.getThreadId());
            if (now < 0) {
                continue;
            }
            long used = now - threadStart.getOrDefault(info.getThreadId(), 0L);
            javaThreads += used;
            byName.merge(info.getThreadName().replaceAll("\\d+", "N"), used, Long::sum);
        }
        long process = processCpuNanos() - processStart;
        long machine = machineBusyNanos() - machineStart;
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "cpu %s over %.2f s (uptime %d ms) (cores): machine %.2f, this JVM %.2f, outside it (PostgreSQL) %.2f,"
                        + " JVM internals (GC, JIT) %.2f%n",
                phase,
                wall,
                ManagementFactory.getRuntimeMXBean().getUptime(),
                machine / 1e9 / wall,
                process / 1e9 / wall,
                (machine - process) / 1e9 / wall,
                (process - javaThreads) / 1e9 / wall));
        Map<String, Long> nativeNow = nativeThreads();
        nativeNow.forEach((name, ticks) -> {
            long used = (ticks - nativeStart.getOrDefault(name, 0L)) * 10_000_000L;
            if (used > 0) {
                byName.merge("[jvm] " + name, used, Long::sum);
            }
        });
        byName.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(14)
                .forEach(e -> out.append(
                        String.format(Locale.ROOT, "    %.2f  %s%n", e.getValue() / 1e9 / wall, e.getKey())));
        System.out.print(out);
    }

    /**
     * CPU ticks of this process's threads that are not Java threads (GC workers, JIT compilers), by their name in
     * /proc (digits folded), so GC and JIT can be told apart.
     */
    private static Map<String, Long> nativeThreads() {
        Map<String, Long> ticks = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (!(name.startsWith("GC ")
                            || name.startsWith("G1 ")
                            || name.contains("Compiler")
                            || name.startsWith("VM "))) {
                        return;
                    }
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(name.replaceAll("\\d+", "N"), Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            });
        } catch (IOException e) {
            // not Linux
        }
        return ticks;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Busy time of all CPUs from /proc/stat (user+nice+system+irq+softirq+steal), in nanoseconds. */
    private static long machineBusyNanos() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long jiffies = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                jiffies += Long.parseLong(f[i]);
            }
            return jiffies * 10_000_000L; // USER_HZ = 100
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
