package co.wpfoods.ai.understanding.application;

import co.wpfoods.ai.understanding.domain.Intent;
import co.wpfoods.ai.understanding.domain.Role;
import co.wpfoods.ai.understanding.domain.intent.IntentFeatures;
import co.wpfoods.ai.understanding.domain.intent.TrainingCorpus;
import co.wpfoods.ai.understanding.domain.intent.TrainingCorpus.Example;
import co.wpfoods.ai.understanding.domain.parse.ParsedMessage;
import co.wpfoods.ai.understanding.domain.parse.PaymentParser;
import co.wpfoods.ai.understanding.domain.text.TextNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The training corpus in the repository ({@code nlu/training/*.txt} on the classpath) turned into labelled feature
 * lists, the same way the engine turns a live message into features; items come from the template's slots (a
 * {@code {item}} is a real dish, a {@code {generic}} a food word that names no dish).
 */
public final class IntentTrainingData {

    public static final long SEED = 20261207L;
    public static final int PER_TEMPLATE = 10;

    /** One training message with its features. */
    public record Labelled(Role role, Intent intent, String text, List<String> features, String template) {}

    private IntentTrainingData() {}

    public static List<Labelled> load() {
        return load(SEED, PER_TEMPLATE);
    }

    private static volatile java.util.Set<String> templateWords;

    /** The words the intent templates use outside slots: intent words, never masked as dish words. */
    public static java.util.Set<String> templateWords() {
        java.util.Set<String> t = templateWords;
        if (t == null) {
            java.util.Set<String> out = new java.util.HashSet<>();
            for (String file : List.of("customer", "restaurant", "worker")) {
                for (String line : resource("nlu/training/" + file + ".txt").split("\n")) {
                    if (line.startsWith("#") || line.startsWith("==")) {
                        continue;
                    }
                    out.addAll(TextNormalizer.tokens(
                            line.replaceAll("\\{[a-z]+}", " ").replaceAll("[()\\[\\]|]", " ")));
                }
            }
            t = java.util.Set.copyOf(out);
            templateWords = t;
        }
        return t;
    }

    /**
     * The words of the dishes and food words in the training slots: masked as dish words in training, and at run time
     * beside the live menus' words (so a dish that no loaded menu has reads the same as in training).
     */
    public static java.util.Set<String> dishWords() {
        java.util.Set<String> out = new java.util.HashSet<>();
        var lists = TrainingCorpus.parseSlots(resource("nlu/training/slots.txt"));
        for (String list : List.of("item", "generic")) {
            for (String v : lists.get(list)) {
                out.addAll(TextNormalizer.tokens(v));
            }
        }
        return out;
    }

    /** Whether a word of the menus' vocabulary is a dish word for the classifier (see IntentFeatures.ITEM). */
    public static java.util.function.Predicate<String> itemWords(java.util.Set<String> menuVocabulary) {
        java.util.Set<String> intentWords = templateWords();
        return w -> !intentWords.contains(w)
                && !co.wpfoods.ai.understanding.domain.text.Lexicon.ITEM_STOPWORDS.contains(w)
                && (menuVocabulary.contains(w) || menuVocabulary.contains(IntentFeatures.singular(w)));
    }

    public static List<Labelled> load(long seed, int perTemplate) {
        Map<Role, String> files = new EnumMap<>(Role.class);
        files.put(Role.CUSTOMER, resource("nlu/training/customer.txt"));
        files.put(Role.RESTAURANT, resource("nlu/training/restaurant.txt"));
        files.put(Role.WORKER, resource("nlu/training/worker.txt"));
        String slots = resource("nlu/training/slots.txt");
        var itemWord = itemWords(dishWords());
        List<Labelled> out = new ArrayList<>();
        for (Example e : TrainingCorpus.generate(slots, files, seed, perTemplate)) {
            out.add(new Labelled(e.role(), e.intent(), e.text(), features(e, itemWord), e.template()));
        }
        return out;
    }

    /** Changes whenever the features' code version, the training files or the model settings change. */
    public static final int FEATURES_VERSION = 1;

    /**
     * A SHA-256 over the feature version, the training files and {@code nlu/model.properties}: a model built from
     * other data is not used.
     */
    public static String fingerprint() {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(("features-" + FEATURES_VERSION + "-seed-" + SEED + "-" + PER_TEMPLATE)
                    .getBytes(StandardCharsets.UTF_8));
            for (String file : List.of(
                    "nlu/training/slots.txt",
                    "nlu/training/customer.txt",
                    "nlu/training/restaurant.txt",
                    "nlu/training/worker.txt",
                    "nlu/model.properties",
                    "nlu/lexicon/slang.tsv")) {
                digest.update(resource(file).getBytes(StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every word the templates and slot lists use (folded), for spelling correction. */
    public static java.util.Set<String> vocabulary() {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String file : List.of("slots", "customer", "restaurant", "worker")) {
            for (String line : resource("nlu/training/" + file + ".txt").split("\n")) {
                if (line.startsWith("#") || line.startsWith("==") || line.startsWith("@")) {
                    continue;
                }
                out.addAll(TextNormalizer.tokens(line.replaceAll("[()\\[\\]{}|]", " ")));
            }
        }
        return out;
    }

    static List<String> features(Example e, java.util.function.Predicate<String> itemWord) {
        ParsedMessage parsed = ParsedMessage.of(e.role(), e.text(), LocalTime.NOON);
        int items = count(e.slots(), "item") + count(e.slots(), "items");
        IntentFeatures.Items kind = e.slots().contains("item") || e.slots().contains("items")
                ? IntentFeatures.Items.SPECIFIC
                : e.slots().contains("generic") ? IntentFeatures.Items.GENERIC : IntentFeatures.Items.NONE;
        boolean payment =
                PaymentParser.find(TextNormalizer.tokens(parsed.folded())).isPresent();
        return IntentFeatures.of(
                parsed,
                new IntentFeatures.Signals(
                        kind, e.slots().contains("items") ? 2 : items, payment, parsed.addressAlone()),
                itemWord);
    }

    private static int count(java.util.Set<String> slots, String name) {
        return slots.contains(name) ? 1 : 0;
    }

    static String resource(String path) {
        try (InputStream in = IntentTrainingData.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
