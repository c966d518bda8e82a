package co.wpfoods.ai.understanding.application;

import co.wpfoods.ai.menus.application.MenuIndex;
import co.wpfoods.ai.menus.application.MenuIndex.ItemCandidate;
import co.wpfoods.ai.menus.domain.MenuSnapshot.MenuItem;
import co.wpfoods.ai.menus.domain.MenuSnapshot.MenuModifier;
import co.wpfoods.ai.understanding.domain.ItemMention;
import co.wpfoods.ai.understanding.domain.ItemModifier;
import co.wpfoods.ai.understanding.domain.parse.Found;
import co.wpfoods.ai.understanding.domain.parse.QuantityParser;
import co.wpfoods.ai.understanding.domain.text.Lexicon;
import co.wpfoods.ai.understanding.domain.text.TextNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the menu items a message names: splits it into segments ("2 hamburguesas sin cebolla", "una coca"), reads
 * each segment's quantity and modifiers, and resolves the rest against the {@link MenuIndex}.
 */
public final class ItemExtractor {

    private static final Pattern SEPARATORS = Pattern.compile("\\s*(?:[,;!?\\n+]|\\.(?!\\d)|\\s(?:y|and|&|e)\\s)\\s*");
    private static final Set<String> REMOVERS = Set.of("sin", "without");
    private static final Set<String> ADDERS = Set.of("extra", "adicional", "adicion");
    private static final Set<String> ARTICLES = Set.of("el", "la", "los", "las", "the", "mi", "my");
    private static final Set<String> SIZE_WORDS = Set.of("tamano", "con", "de", "en", "size");
    private static final double ACCEPT_NAME = 0.5;
    private static final double ACCEPT_NAME_FULL_QUERY = 0.25;
    private static final double ACCEPT_LEFTOVER = 0.6;

    private final MenuIndex index;

    public ItemExtractor(MenuIndex index) {
        this.index = index;
    }

    /** The items in folded text (addresses, times and codes already blanked out). */
    public List<ItemMention> extract(String folded, String restaurantId) {
        List<Segment> segments = segments(folded);
        List<ItemMention> out = new ArrayList<>();
        String previousHead = null;
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            // "pizza jamon y queso": join with the next segment when together they name one item better
            if (i + 1 < segments.size()
                    && segments.get(i + 1).joinedByAnd()
                    && shouldMerge(s, segments.get(i + 1), restaurantId)) {
                s = s.merge(segments.get(i + 1));
                i++;
            }
            List<ItemMention> found = resolve(s, restaurantId, previousHead);
            if (!found.isEmpty()) {
                previousHead = TextNormalizer.tokens(found.get(0).name()).get(0);
            }
            out.addAll(found);
        }
        return combine(out);
    }

    private boolean shouldMerge(Segment a, Segment b, String restaurantId) {
        if (QuantityParser.find(b.words()).isPresent()) {
            return false;
        }
        Optional<ItemCandidate> alone = best(query(a.words()), restaurantId);
        Optional<ItemCandidate> merged = best(query(a.merge(b).words()), restaurantId);
        if (alone.isEmpty() || merged.isEmpty()) {
            return false;
        }
        int aSize = query(a.words()).size();
        boolean usesB = merged.get().matchedQueryWords().stream().anyMatch(w -> w >= aSize);
        return usesB && merged.get().plainNameCoverage() > alone.get().plainNameCoverage();
    }

    private List<ItemMention> resolve(Segment segment, String restaurantId, String previousHead) {
        List<String> words = new ArrayList<>(segment.words());
        Optional<Found<Integer>> quantity = QuantityParser.find(words);
        int qty = 1;
        if (quantity.isPresent()) {
            qty = quantity.get().value();
            for (int k = quantity.get().end() - 1; k >= quantity.get().start(); k--) {
                words.remove(k);
            }
        }
        // "uno de mora" after "un jugo de maracuya": the head noun is elided
        if (quantity.isPresent() && !words.isEmpty() && words.get(0).equals("de") && previousHead != null) {
            words.add(0, previousHead);
        }
        List<ItemModifier> freeModifiers = new ArrayList<>();
        List<String> rest = stripModifiers(words, freeModifiers);
        List<String> query = query(rest);
        if (query.isEmpty()) {
            return List.of();
        }
        Optional<ItemCandidate> best = best(query, restaurantId);
        if (!freeModifiers.isEmpty()) {
            // "agua sin gas", "pan sin gluten": the modifier may be part of an item's name
            Optional<ItemCandidate> whole = best(query(words), restaurantId);
            if (whole.isPresent()
                    && namesModifier(whole.get().item(), freeModifiers)
                    && (best.isEmpty()
                            || whole.get().plainNameCoverage() >= best.get().plainNameCoverage())) {
                best = whole;
                freeModifiers.removeIf(f -> namesModifier(whole.get().item(), List.of(f)));
            }
        }
        if (best.isEmpty()) {
            return List.of();
        }
        ItemCandidate c = best.get();
        Optional<Found<Integer>> multiplier = QuantityParser.findMultiplier(rest);
        if (quantity.isEmpty() && multiplier.isPresent()) {
            boolean partOfName = TextNormalizer.tokens(c.item().name())
                    .contains("x" + multiplier.get().value());
            qty = partOfName ? 1 : multiplier.get().value();
        }
        List<ItemModifier> modifiers = modifiers(c.item(), words, freeModifiers);
        List<ItemMention> out = new ArrayList<>();
        out.add(mention(c, qty, modifiers, segment.text()));
        // a second item in the same segment: "una hamburguesa bbq papas"
        List<String> leftover = new ArrayList<>();
        for (int k = 0; k < query.size(); k++) {
            if (!c.matchedQueryWords().contains(k)
                    && query.get(k).length() >= 4
                    && !usedByModifier(query.get(k), modifiers)) {
                leftover.add(query.get(k));
            }
        }
        if (!leftover.isEmpty()) {
            best(leftover, restaurantId)
                    .filter(l -> (l.plainNameCoverage() >= 0.99
                                    || (l.nameCoverage() >= ACCEPT_LEFTOVER && leftover.size() >= 2))
                            && !l.item().equals(c.item()))
                    .ifPresent(l -> out.add(mention(l, 1, List.of(), segment.text())));
        }
        return out;
    }

    private Optional<ItemCandidate> best(List<String> query, String restaurantId) {
        if (query.isEmpty()) {
            return Optional.empty();
        }
        return index.search(query, restaurantId, 10).stream()
                .filter(c -> c.nameCoverage() >= ACCEPT_NAME
                        || (c.queryCoverage() >= 0.99 && c.plainNameCoverage() >= ACCEPT_NAME_FULL_QUERY))
                .findFirst();
    }

    /** Takes "sin cebolla", "extra queso", "con extra queso" out of the words, as free-text modifiers. */
    private static List<String> stripModifiers(List<String> words, List<ItemModifier> modifiers) {
        List<String> rest = new ArrayList<>();
        for (int k = 0; k < words.size(); k++) {
            String w = words.get(k);
            boolean remover = REMOVERS.contains(w);
            boolean adder = ADDERS.contains(w)
                    || (w.equals("with")
                            && k + 1 < words.size()
                            && words.get(k + 1).equals("extra"));
            if (remover && k + 1 < words.size() && ARTICLES.contains(words.get(k + 1))) {
                continue; // "sin las papas": the item itself goes, not an ingredient
            }
            if (w.equals("bien") && k + 1 < words.size() && !Lexicon.ITEM_STOPWORDS.contains(words.get(k + 1))) {
                modifiers.add(new ItemModifier(ItemModifier.Kind.ADD, "bien " + words.get(k + 1), null));
                k++;
                continue;
            }
            if ((remover || adder) && k + 1 < words.size()) {
                int j = k + 1;
                if (w.equals("with")) {
                    j++;
                }
                while (j < words.size()
                        && (words.get(j).equals("de") || words.get(j).equals("extra"))) {
                    j++;
                }
                if (j < words.size()
                        && !ARTICLES.contains(words.get(j))
                        && QuantityParser.number(words.get(j)) == null) {
                    String object = LuceneFreeText.translate(words.get(j));
                    modifiers.add(new ItemModifier(
                            remover ? ItemModifier.Kind.REMOVE : ItemModifier.Kind.ADD,
                            (remover ? "sin " : "extra ") + object,
                            null));
                    k = j;
                    continue;
                }
            }
            rest.add(w);
        }
        if (!rest.isEmpty() && rest.get(rest.size() - 1).equals("con")) {
            rest.remove(rest.size() - 1);
        }
        return rest;
    }

    /** Menu modifiers of the item whose words all appear in the segment, plus the free-text ones. */
    private static List<ItemModifier> modifiers(MenuItem item, List<String> words, List<ItemModifier> free) {
        Map<String, ItemModifier> out = new LinkedHashMap<>();
        Set<String> present =
                Set.copyOf(words.stream().map(LuceneFreeText::translate).toList());
        List<ItemModifier> unmatched = new ArrayList<>(free);
        for (MenuModifier m : item.modifiers()) {
            List<String> mw = TextNormalizer.tokens(m.name()).stream()
                    .filter(w -> !SIZE_WORDS.contains(w))
                    .toList();
            boolean removal = !mw.isEmpty() && mw.get(0).equals("sin");
            List<String> core = removal
                    ? mw.subList(1, mw.size())
                    : mw.stream().filter(w -> !w.equals("extra")).toList();
            if (core.isEmpty()) {
                continue;
            }
            String phrase = (removal ? "sin " : "extra ") + String.join(" ", core);
            boolean viaFree = unmatched.removeIf(f -> f.text().equals(phrase)
                    || f.text().startsWith(phrase + " ")
                    || phrase.startsWith(f.text() + " ")
                    || stemEq(f.text(), phrase));
            boolean inWords =
                    !removal && present.containsAll(core) && core.stream().noneMatch(w -> w.length() < 4);
            if (viaFree || inWords) {
                out.putIfAbsent(
                        m.modifierId(),
                        new ItemModifier(
                                removal ? ItemModifier.Kind.REMOVE : ItemModifier.Kind.ADD, m.name(), m.modifierId()));
            }
        }
        List<ItemModifier> all = new ArrayList<>(out.values());
        all.addAll(unmatched);
        return all;
    }

    private static boolean namesModifier(MenuItem item, List<ItemModifier> modifiers) {
        String name = " " + String.join(" ", TextNormalizer.tokens(item.name())) + " ";
        return modifiers.stream().anyMatch(m -> name.contains(" " + m.text() + " "));
    }

    private static boolean stemEq(String a, String b) {
        return stem(a).equals(stem(b));
    }

    private static String stem(String s) {
        return s.replaceAll("(es|s)\\b", "").replaceAll("[aoe]\\b", "");
    }

    private static boolean usedByModifier(String word, List<ItemModifier> modifiers) {
        return modifiers.stream().anyMatch(m -> TextNormalizer.tokens(m.text()).contains(word));
    }

    /** Words worth matching: translated, not stop words. */
    private static List<String> query(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            if (!Lexicon.ITEM_STOPWORDS.contains(w) || w.equals("x")) {
                if (!w.equals("x")) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    private static ItemMention mention(ItemCandidate c, int qty, List<ItemModifier> modifiers, String text) {
        double score = Math.round((0.6 * c.nameCoverage() + 0.4 * c.queryCoverage()) * 100) / 100.0;
        return new ItemMention(
                c.item().itemId(), c.item().name(), c.restaurantId(), qty, modifiers, text.trim(), score);
    }

    /** The same item twice with the same modifiers is one line with the quantities added. */
    private static List<ItemMention> combine(List<ItemMention> items) {
        Map<String, ItemMention> byKey = new LinkedHashMap<>();
        for (ItemMention m : items) {
            String key = m.itemId() + "|" + m.modifiers();
            byKey.merge(
                    key,
                    m,
                    (a, b) -> new ItemMention(
                            a.itemId(),
                            a.name(),
                            a.restaurantId(),
                            a.quantity() + b.quantity(),
                            a.modifiers(),
                            a.matchedText() + ", " + b.matchedText(),
                            Math.max(a.score(), b.score())));
        }
        return List.copyOf(byKey.values());
    }

    private static List<Segment> segments(String folded) {
        List<Segment> out = new ArrayList<>();
        java.util.regex.Matcher m = SEPARATORS.matcher(folded);
        int last = 0;
        boolean joinedByAnd = false;
        while (m.find()) {
            add(out, folded.substring(last, m.start()), joinedByAnd);
            String sep = m.group().trim();
            joinedByAnd = sep.equals("y") || sep.equals("and") || sep.equals("&") || sep.equals("e");
            last = m.end();
        }
        add(out, folded.substring(last), joinedByAnd);
        return out;
    }

    private static void add(List<Segment> out, String text, boolean joinedByAnd) {
        List<String> words = TextNormalizer.tokens(text);
        if (!words.isEmpty()) {
            out.add(new Segment(text, words, joinedByAnd));
        }
    }

    private record Segment(String text, List<String> words, boolean joinedByAnd) {
        Segment merge(Segment next) {
            List<String> w = new ArrayList<>(words);
            w.add("y");
            w.addAll(next.words());
            return new Segment(text + " y " + next.text(), w, joinedByAnd);
        }
    }

    /** Word-level English → Spanish for modifier objects ("onion" → "cebolla"). */
    private static final class LuceneFreeText {
        static String translate(String w) {
            return Lexicon.FOOD_TRANSLATIONS.getOrDefault(w, w);
        }
    }
}
