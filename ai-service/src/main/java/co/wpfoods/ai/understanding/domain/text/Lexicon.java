package co.wpfoods.ai.understanding.domain.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Word lists of Colombian chat Spanish and English that the offline engine relies on, read from the data files in
 * {@code nlu/lexicon/} on the classpath (one word a line, or tab-separated pairs; {@code #} starts a comment).
 */
public final class Lexicon {

    private Lexicon() {}

    /** Chat spellings → standard words (folded). An empty value drops the token. */
    public static final Map<String, String> SLANG = pairs("nlu/lexicon/slang.tsv");

    /** English (and loan) food words → the Spanish words our menus use. Applied to item text only. */
    public static final Map<String, String> FOOD_TRANSLATIONS = pairs("nlu/lexicon/food-translations.tsv");

    /**
     * Words that never identify a menu item: articles, request verbs, politeness, intent words. Removed from the
     * text before it is matched against menus (menu names go through the same filter).
     */
    public static final Set<String> ITEM_STOPWORDS = words("nlu/lexicon/item-stopwords.txt");

    /** Common English words, to tell the message language apart. */
    public static final Set<String> ENGLISH = words("nlu/lexicon/english.txt");

    /** Common Spanish words, to tell the message language apart. */
    public static final Set<String> SPANISH = words("nlu/lexicon/spanish.txt");

    /** Frequent correct words that spelling correction must leave alone. */
    public static final Set<String> COMMON = words("nlu/lexicon/common-words.txt");

    /** Words for a kind of food rather than a dish ("pizza", "postre", "algo dulce"). */
    public static final Set<String> GENERIC_FOOD = words("nlu/lexicon/generic-food.txt");

    public static boolean isGenericFood(String word) {
        return GENERIC_FOOD.contains(word);
    }

    static Set<String> words(String resource) {
        Set<String> out = new LinkedHashSet<>();
        for (String line : lines(resource)) {
            out.add(line.strip());
        }
        return Set.copyOf(out);
    }

    static Map<String, String> pairs(String resource) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines(resource)) {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IllegalStateException(resource + ": no tab in '" + line + "'");
            }
            out.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip());
        }
        return Map.copyOf(out);
    }

    private static java.util.List<String> lines(String resource) {
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
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
}
