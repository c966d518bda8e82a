package co.wpfoods.ai.understanding.domain.context;

import co.wpfoods.ai.understanding.domain.text.TextNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the data files of {@code nlu/context/} (one entry a line, tab-separated fields, {@code #} comments). */
final class ContextData {

    private ContextData() {}

    /** The non-comment lines of a resource, each split at tabs into exactly {@code fields} fields. */
    static List<String[]> rows(String resource, int fields) {
        List<String[]> out = new ArrayList<>();
        for (String line : lines(resource)) {
            String[] f = line.split("\t");
            if (f.length != fields) {
                throw new IllegalStateException(
                        resource + ": expected " + fields + " tab-separated fields in '" + line + "'");
            }
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i].strip();
            }
            out.add(f);
        }
        return out;
    }

    static List<String> lines(String resource) {
        try (InputStream in = ContextData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A phrase as the words messages are compared in; {@code *} (any one word) is kept. */
    static List<String> words(String phrase) {
        List<String> out = new ArrayList<>();
        for (String part : phrase.split("\\s+")) {
            if (part.equals("*")) {
                out.add("*");
            } else {
                out.addAll(TextNormalizer.tokens(part));
            }
        }
        return List.copyOf(out);
    }
}
