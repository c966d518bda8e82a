package co.wpfoods.ai.understanding.domain.parse;

import java.util.HashMap;
import java.util.Map;

/** Cardinal numbers written as words, in Spanish and English, shared by the parsers. */
final class NumberWords {

    private NumberWords() {}

    /** One to twelve, fifteen and twenty: the numbers people write as words in orders and times. */
    static final Map<String, Integer> CARDINALS = Map.ofEntries(
            Map.entry("un", 1),
            Map.entry("una", 1),
            Map.entry("one", 1),
            Map.entry("dos", 2),
            Map.entry("two", 2),
            Map.entry("tres", 3),
            Map.entry("three", 3),
            Map.entry("cuatro", 4),
            Map.entry("four", 4),
            Map.entry("cinco", 5),
            Map.entry("five", 5),
            Map.entry("seis", 6),
            Map.entry("six", 6),
            Map.entry("siete", 7),
            Map.entry("seven", 7),
            Map.entry("ocho", 8),
            Map.entry("eight", 8),
            Map.entry("nueve", 9),
            Map.entry("nine", 9),
            Map.entry("diez", 10),
            Map.entry("ten", 10),
            Map.entry("once", 11),
            Map.entry("eleven", 11),
            Map.entry("doce", 12),
            Map.entry("twelve", 12),
            Map.entry("quince", 15),
            Map.entry("fifteen", 15),
            Map.entry("veinte", 20),
            Map.entry("twenty", 20));

    /** {@link #CARDINALS} plus a parser's own words. */
    static Map<String, Integer> cardinalsAnd(Map<String, Integer> more) {
        Map<String, Integer> all = new HashMap<>(CARDINALS);
        all.putAll(more);
        return Map.copyOf(all);
    }
}
