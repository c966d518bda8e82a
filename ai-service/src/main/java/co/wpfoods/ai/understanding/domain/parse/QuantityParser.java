package co.wpfoods.ai.understanding.domain.parse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Quantities in item text, over normalized tokens: digits ("2"), words ("dos", "two"), "un par de", "media docena",
 * "una docena", "a couple of", "2x" and "x2". Positions in the returned {@link Found} are token indices.
 */
public final class QuantityParser {

    private static final Map<String, Integer> WORDS = NumberWords.cardinalsAnd(Map.ofEntries(
            Map.entry("uno", 1), Map.entry("unos", 1), Map.entry("unas", 1), Map.entry("a", 1), Map.entry("an", 1)));

    /** Multi-word quantities, longest first. */
    private static final List<Map.Entry<List<String>, Integer>> PHRASES = List.of(
            Map.entry(List.of("media", "docena", "de"), 6),
            Map.entry(List.of("half", "a", "dozen"), 6),
            Map.entry(List.of("una", "docena", "de"), 12),
            Map.entry(List.of("dos", "docenas", "de"), 24),
            Map.entry(List.of("un", "par", "de"), 2),
            Map.entry(List.of("a", "couple", "of"), 2),
            Map.entry(List.of("a", "dozen"), 12),
            Map.entry(List.of("media", "docena"), 6),
            Map.entry(List.of("una", "docena"), 12),
            Map.entry(List.of("par", "de"), 2),
            Map.entry(List.of("un", "par"), 2),
            Map.entry(List.of("docena", "de"), 12),
            Map.entry(List.of("docena"), 12));

    /** A number right after these words is part of the item ("alitas de 12"), not a quantity. */
    private static final Set<String> NOT_AFTER = Set.of("de", "x", "por", "a", "las", "la", "pedido", "orden", "#");
    /** A number right before these words is a size, price or time. */
    private static final Set<String> NOT_BEFORE = Set.of(
            "ml",
            "l",
            "lt",
            "litro",
            "litros",
            "mil",
            "minutos",
            "min",
            "mins",
            "horas",
            "hora",
            "am",
            "pm",
            "pesos",
            "quesos",
            "personas",
            "gramos",
            "g",
            "oz");

    private static final int MAX = 99;

    private QuantityParser() {}

    /** The first quantity in the tokens, if any. */
    public static Optional<Found<Integer>> find(List<String> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            for (var phrase : PHRASES) {
                List<String> words = phrase.getKey();
                if (i + words.size() <= tokens.size()
                        && tokens.subList(i, i + words.size()).equals(words)) {
                    int value = phrase.getValue();
                    // "dos docenas" is handled as a phrase; "2 docenas" multiplies
                    if (i > 0 && words.get(0).equals("docena") && number(tokens.get(i - 1)) != null) {
                        return Optional.of(new Found<>(number(tokens.get(i - 1)) * 12, i - 1, i + words.size()));
                    }
                    return Optional.of(new Found<>(value, i, i + words.size()));
                }
            }
            String t = tokens.get(i);
            String prev = i > 0 ? tokens.get(i - 1) : "";
            String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
            if (t.matches("\\d{1,2}x")) {
                return Optional.of(new Found<>(Integer.parseInt(t.substring(0, t.length() - 1)), i, i + 1));
            }
            Integer n = number(t);
            if (n != null && !NOT_AFTER.contains(prev) && !NOT_BEFORE.contains(next) && !next.equals("docenas")) {
                if (next.equals("x") || next.equals("docena")) {
                    continue;
                }
                return Optional.of(new Found<>(n, i, i + 1));
            }
        }
        return Optional.empty();
    }

    /** A trailing multiplier "x2" / "x 2", which is a quantity only when the item's name does not contain it. */
    public static Optional<Found<Integer>> findMultiplier(List<String> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.matches("x\\d{1,2}")) {
                return Optional.of(new Found<>(Integer.parseInt(t.substring(1)), i, i + 1));
            }
            if (t.equals("x") && i + 1 < tokens.size() && tokens.get(i + 1).matches("\\d{1,2}")) {
                return Optional.of(new Found<>(Integer.parseInt(tokens.get(i + 1)), i, i + 2));
            }
        }
        return Optional.empty();
    }

    /** The value of a number token (digits or word), or null. */
    public static Integer number(String token) {
        if (token.matches("\\d{1,2}")) {
            int n = Integer.parseInt(token);
            return n >= 1 && n <= MAX ? n : null;
        }
        return WORDS.get(token);
    }
}
