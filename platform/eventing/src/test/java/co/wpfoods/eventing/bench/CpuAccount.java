package co.wpfoods.eventing.bench;

import co.wpfoods.testing.bench.ProcCpu;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
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
        nativeNow.forEach((name, nanos) -> {
            long used = nanos - nativeStart.getOrDefault(name, 0L);
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
     * CPU time of this process's threads that are not Java threads (GC workers, JIT compilers, VM thread), by name
     * (digits folded), so GC and JIT can be told apart.
     */
    private static Map<String, Long> nativeThreads() {
        return ProcCpu.byFoldedName(ProcCpu.threadsOf(ProcessHandle.current().pid()).stream()
                .filter(t -> t.name().startsWith("GC ")
                        || t.name().startsWith("G1 ")
                        || t.name().contains("Compiler")
                        || t.name().startsWith("VM "))
                .toList());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long machineBusyNanos() {
        return ProcCpu.machine().busyNanos();
    }
}
