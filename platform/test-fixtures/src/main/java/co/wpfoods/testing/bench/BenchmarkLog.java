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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Appends benchmark figures to {@code docs/benchmarks.jsonl} (one JSON object per line) and prints them, as the
 * project's benchmark convention asks: bench, metric, value, unit, commit, date, command. A value that is not a number
 * (no samples) is written as {@code null}; a run whose working tree differs from the commit (changed or new files, other
 * than the log itself) adds {@code "dirty": true}, so a figure of uncommitted code is never taken for the commit's.
 */
public final class BenchmarkLog {

    private final String bench;
    private final String command;
    private final Path file;
    private final String commit;
    private final boolean dirty;
    private final String date;

    public BenchmarkLog(String bench, String command) {
        this.bench = bench;
        this.command = command;
        this.file = Repository.root().resolve("docs/benchmarks.jsonl");
        this.commit = git("rev-parse", "HEAD").orElse("unknown");
        this.dirty = git(
                        "status",
                        "--porcelain",
                        "--untracked-files=normal",
                        "--",
                        ".",
                        ":(exclude)docs/benchmarks.jsonl")
                .map(status -> !status.isEmpty())
                .orElse(false);
        this.date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public void record(String metric, double value, String unit) {
        String line = line(bench, metric, value, unit, commit, dirty, date, command);
        System.out.printf(Locale.ROOT, "%-10s %-32s %14.3f %s%n", bench, metric, value, unit);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of the log, as JSON. */
    static String line(
            String bench,
            String metric,
            double value,
            String unit,
            String commit,
            boolean dirty,
            String date,
            String command) {
        return "{\"bench\": " + string(bench)
                + ", \"metric\": " + string(metric)
                + ", \"value\": " + (Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "null")
                + ", \"unit\": " + string(unit)
                + ", \"commit\": " + string(commit)
                + (dirty ? ", \"dirty\": true" : "")
                + ", \"date\": " + string(date)
                + ", \"command\": " + string(command)
                + "}";
    }

    private static String string(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private static Optional<String> git(String... arguments) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        try {
            Process git = new ProcessBuilder(command)
                    .directory(Repository.root().toFile())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
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
