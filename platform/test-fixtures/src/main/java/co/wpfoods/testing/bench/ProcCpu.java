package co.wpfoods.testing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time as Linux's {@code /proc} counts it, for benchmarks that explain where a phase's CPU went: the whole
 * machine, each process and each thread of a process. Elsewhere (not Linux) every figure is zero or empty.
 */
public final class ProcCpu {

    /** One clock tick of {@code /proc}'s counters ({@code USER_HZ} = 100 on Linux). */
    public static final long TICK_NANOS = 10_000_000L;

    private ProcCpu() {}

    /** CPU time of all cores since boot: busy (user, nice, system, irq, softirq, steal) and in total (idle too). */
    public record Machine(long busyNanos, long totalNanos) {}

    /** A process or thread: its command name as {@code /proc} shows it and the user + system time it used. */
    public record Task(long id, String name, long cpuNanos) {}

    public static Machine machine() {
        try {
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            long total = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                long ticks = Long.parseLong(cpu[i]);
                total += ticks;
                if (i != 4 && i != 5) { // idle, iowait
                    busy += ticks;
                }
            }
            return new Machine(busy * TICK_NANOS, total * TICK_NANOS);
        } catch (IOException | RuntimeException notLinux) {
            return new Machine(0, 0);
        }
    }

    /** Every process on the machine. */
    public static List<Task> processes() {
        return tasksIn(Path.of("/proc"));
    }

    /** Every thread of process {@code pid}. */
    public static List<Task> threadsOf(long pid) {
        return tasksIn(Path.of("/proc", Long.toString(pid), "task"));
    }

    /** Parses one {@code stat} line: the name sits between the first '(' and the last ')' and may hold spaces. */
    static Task parse(long id, String stat) {
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
        return new Task(id, name, ticks * TICK_NANOS);
    }

    private static List<Task> tasksIn(Path dir) {
        List<Task> tasks = new ArrayList<>();
        try (var entries = Files.list(dir)) {
            entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(p -> {
                        try {
                            tasks.add(parse(
                                    Long.parseLong(p.getFileName().toString()), Files.readString(p.resolve("stat"))));
                        } catch (IOException | RuntimeException gone) {
                            // ended meanwhile
                        }
                    });
        } catch (IOException notLinux) {
            // no /proc
        }
        return tasks;
    }

    /** {@code tasks}' CPU time summed by name, digits folded to {@code N} ("GC Thread#3" → "GC Thread#N"). */
    public static Map<String, Long> byFoldedName(List<Task> tasks) {
        Map<String, Long> sums = new HashMap<>();
        tasks.forEach(t -> sums.merge(t.name().replaceAll("\\d+", "N"), t.cpuNanos(), Long::sum));
        return sums;
    }
}
