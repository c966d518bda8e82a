package co.wpfoods.testing.bench;

import co.wpfoods.testing.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Appends benchmark figures to {@code docs/benchmarks.jsonl} (one JSON object per line) and prints them, as the
 * project's benchmark convention asks: bench, metric, value, unit, commit, date, command.
 */
public final class BenchmarkLog {

    private final String bench;
    private final String command;
    private final Path file;
    private final String commit;
    private final String date;

    public BenchmarkLog(String bench, String command) {
        this.bench = bench;
        this.command = command;
        this.file = Repository.root().resolve("docs/benchmarks.jsonl");
        this.commit = gitHead();
        this.date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public void record(String metric, double value, String unit) {
        String line = String.format(
                Locale.ROOT,
                "{\"bench\": \"%s\", \"metric\": \"%s\", \"value\": %.3f, \"unit\": \"%s\", \"commit\": \"%s\", "
                        + "\"date\": \"%s\", \"command\": \"%s\"}",
                bench,
                metric,
                value,
                unit,
                commit,
                date,
                command.replace("\\", "\\\\").replace("\"", "\\\""));
        System.out.printf(Locale.ROOT, "%-10s %-32s %14.3f %s%n", bench, metric, value, unit);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String gitHead() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD")
                    .directory(Repository.root().toFile())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** The value at {@code percentile} (0–100) of sorted samples, nearest rank. */
    public static double percentile(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }
}
