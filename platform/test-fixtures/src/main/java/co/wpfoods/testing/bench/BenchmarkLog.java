package co.wpfoods.testing.bench;

import co.wpfoods.testing.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Appends benchmark figures to {@code docs/benchmarks.jsonl} (one JSON object per line, written by Jackson) and prints
 * them, as the project's benchmark convention asks: bench, metric, value, unit, commit, date, command, and a note
 * when the run has one. A value that is not a number (no samples) is written as {@code null}; a run whose working
 * tree differs from the commit (changed or new files, other than the log itself) adds {@code "dirty": true}, so a
 * figure of uncommitted code is never taken for the commit's.
 */
public final class BenchmarkLog {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final String bench;
    private final String command;
    private final Path file;
    private final String commit;
    private final boolean dirty;
    private final String date;

    /** A log for a bench run from inside the repository (the current folder or one below it). */
    public BenchmarkLog(String bench, String command) {
        this(bench, command, Repository.root());
    }

    /** A log in the repository at {@code repository}, for a bench started from elsewhere (the launcher). */
    public BenchmarkLog(String bench, String command, Path repository) {
        this.bench = bench;
        this.command = command;
        this.file = repository.resolve("docs/benchmarks.jsonl");
        this.commit = git(repository, "rev-parse", "HEAD").orElse("unknown");
        this.dirty = git(
                        repository,
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
        record(metric, value, unit, null);
    }

    /** One figure, with a note on the conditions it was measured in (null for none). */
    public void record(String metric, double value, String unit, String note) {
        String line = line(new Figure(bench, metric, value, unit, commit, dirty, date, command, note));
        System.out.printf(Locale.ROOT, "%-10s %-32s %14.3f %s%n", bench, metric, value, unit);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the figures go. */
    public Path file() {
        return file;
    }

    /**
     * One line of the log: the conventions' fields in order, {@code dirty} and {@code note} only when they apply, the
     * value with three decimals or {@code null} when it is not a finite number (JSON has no NaN).
     */
    record Figure(
            String bench,
            String metric,
            double value,
            String unit,
            String commit,
            boolean dirty,
            String date,
            String command,
            String note) {}

    static String line(Figure figure) {
        ObjectNode json = JSON.createObjectNode().put("bench", figure.bench()).put("metric", figure.metric());
        if (Double.isFinite(figure.value())) {
            json.put("value", BigDecimal.valueOf(figure.value()).setScale(3, RoundingMode.HALF_UP));
        } else {
            json.putNull("value");
        }
        json.put("unit", figure.unit()).put("commit", figure.commit());
        if (figure.dirty()) {
            json.put("dirty", true);
        }
        json.put("date", figure.date()).put("command", figure.command());
        if (figure.note() != null) {
            json.put("note", figure.note());
        }
        return JSON.writeValueAsString(json);
    }

    private static Optional<String> git(Path repository, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        try {
            Process git = new ProcessBuilder(command)
                    .directory(repository.toFile())
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
