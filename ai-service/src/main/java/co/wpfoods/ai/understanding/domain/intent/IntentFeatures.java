package co.wpfoods.ai.understanding.domain.intent;

import co.wpfoods.ai.understanding.domain.parse.ParsedMessage;
import co.wpfoods.ai.understanding.domain.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The features the intent classifier sees for one message: word unigrams and bigrams (with start and end marks),
 * character 3- to 5-grams of every word (so typos, plurals and spelling variants share most of their features), and
 * what the parsers found (items, address, time, PIN, order reference, price, payment method), the same at training
 * time and at run time.
 */
public final class IntentFeatures {

    /** What the item extractor found: nothing, only generic food words ("pizza", "algo dulce"), or a real item. */
    public enum Items {
        NONE,
        GENERIC,
        SPECIFIC
    }

    /** Findings that are not in the marked text itself. */
    public record Signals(Items items, int itemCount, boolean payment, boolean addressAlone) {}

    private IntentFeatures() {}

    /** The marker that stands for the words of a dish. */
    public static final String ITEM = "zzitem";

    /**
     * @param itemWord whether a word names part of a dish (a menu word that no intent template uses): such words
     *     become {@link #ITEM}, so the model learns "a dish was named here", not which dish, and works the same on
     *     menus it never saw
     */
    public static List<String> of(
            ParsedMessage parsed, Signals signals, java.util.function.Predicate<String> itemWord) {
        List<String> words = new ArrayList<>();
        for (String t : TextNormalizer.tokens(parsed.marked())) {
            String w = isNumber(t) ? "zznum" : itemWord.test(t) ? ITEM : t;
            if (!(w.equals(ITEM) && !words.isEmpty() && words.getLast().equals(ITEM))) {
                words.add(w);
            }
        }
        List<String> out = new ArrayList<>(words.size() * 16 + 8);
        String previous = "^";
        for (String w : words) {
            out.add("w=" + w);
            out.add("b=" + previous + "_" + w);
            previous = w;
            if (w.length() >= 3 && !w.startsWith("zz")) {
                String padded = "<" + w + ">";
                for (int n = 3; n <= 4; n++) {
                    for (int i = 0; i + n <= padded.length(); i++) {
                        out.add("c=" + padded.substring(i, i + n));
                    }
                }
            }
        }
        out.add("b=" + previous + "_$");
        String folded = parsed.folded();
        out.add("s=items:" + signals.items().name().toLowerCase(java.util.Locale.ROOT));
        if (signals.itemCount() > 1) {
            out.add("s=items:many");
        }
        if (signals.payment()) {
            out.add("s=payment");
        }
        if (signals.addressAlone()) {
            out.add("s=address-alone");
        }
        if (folded.contains("?")) {
            out.add("s=question");
        }
        if (folded.contains("!")) {
            out.add("s=exclamation");
        }
        int n = words.size();
        out.add(n == 0 ? "s=len:0" : n == 1 ? "s=len:1" : n <= 3 ? "s=len:2-3" : n <= 8 ? "s=len:4-8" : "s=len:9+");
        if (n == 0) {
            out.add(folded.contains("?") ? "s=only-question-mark" : "s=nothing");
        }
        return out;
    }

    /** "hamburguesas" → "hamburguesa", "jugos" → "jugo", "papas" → "papa". */
    public static String singular(String w) {
        if (w.endsWith("es") && w.length() > 4 && !w.endsWith("ses")) {
            return w.substring(0, w.length() - 2);
        }
        return w.endsWith("s") && w.length() > 3 ? w.substring(0, w.length() - 1) : w;
    }

    private static boolean isNumber(String t) {
        if (t.isEmpty()) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return true;
    }
}
