package co.wpfoods.ai.understanding.domain.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns chat text into comparable form: lower case, accents folded (ñ → n), emoji turned into words, letter
 * floods collapsed ("holaaaa" → "hola"), chat spellings expanded ("kiero" → "quiero", "pa" → "para").
 *
 * <p>{@link #fold} keeps the punctuation the parsers need ({@code # - : . $ ?}); {@link #tokens} keeps words only.
 */
public final class TextNormalizer {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern FLOOD = Pattern.compile("([a-z])\\1{2,}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_KEPT = Pattern.compile("[^a-z0-9#\\-:.,$?!+/ ]");
    private static final Pattern WORD_SPLIT = Pattern.compile("[^a-z0-9.]+");

    private static final Map<String, String> EMOJI = Map.ofEntries(
            Map.entry("👍", " ok "),
            Map.entry("👌", " ok "),
            Map.entry("✅", " ok "),
            Map.entry("🙏", " gracias "),
            Map.entry("😡", " queja "),
            Map.entry("🤬", " queja "),
            Map.entry("😠", " queja "),
            Map.entry("👎", " queja "),
            Map.entry("❓", " ? "),
            Map.entry("❔", " ? "),
            Map.entry("👋", " hola "),
            Map.entry("❌", " no "),
            Map.entry("🍕", " pizza "),
            Map.entry("🍔", " hamburguesa "),
            Map.entry("🌭", " perro caliente "),
            Map.entry("🍺", " cerveza "),
            Map.entry("🍻", " cerveza "));

    private TextNormalizer() {}

    /** Lower case, accents folded, emoji as words, punctuation the parsers use kept, single spaces. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String s = text;
        for (var e : EMOJI.entrySet()) {
            if (s.contains(e.getKey())) {
                s = s.replace(e.getKey(), e.getValue());
            }
        }
        s = s.replace('ñ', 'n')
                .replace('Ñ', 'N')
                .replace('º', '°')
                .replace('–', '-')
                .replace('—', '-');
        s = Normalizer.normalize(s, Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("");
        s = s.toLowerCase(Locale.ROOT).replace('°', ' ').replace('\'', ' ').replace('’', ' ');
        s = NOT_KEPT.matcher(s).replaceAll(" ");
        s = FLOOD.matcher(s).replaceAll("$1");
        return SPACES.matcher(s).replaceAll(" ").trim();
    }

    /** Words of the folded text with chat spellings expanded; numbers keep an inner dot ("1.5"). */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : WORD_SPLIT.split(fold(text))) {
            String t = trimDots(raw);
            if (t.isEmpty()) {
                continue;
            }
            t = collapseShortVowelRun(t);
            String mapped = Lexicon.SLANG.get(t);
            if (mapped == null) {
                out.add(t);
            } else if (!mapped.isEmpty()) {
                out.addAll(List.of(mapped.split(" ")));
            }
        }
        return out;
    }

    /** The tokens joined with single spaces: the form intent cues are matched against. */
    public static String canonical(String text) {
        return String.join(" ", tokens(text));
    }

    private static String trimDots(String t) {
        int b = 0;
        int e = t.length();
        while (b < e && t.charAt(b) == '.') {
            b++;
        }
        while (e > b && t.charAt(e - 1) == '.') {
            e--;
        }
        String s = t.substring(b, e);
        // a dot only survives between digits (1.5, 82.000)
        if (s.indexOf('.') >= 0 && !s.matches("\\d+(\\.\\d+)+")) {
            s = s.replace(".", "");
        }
        return s;
    }

    /** "sii", "noo", "yaa" → "si", "no", "ya": doubled final vowels in short words are chat emphasis. */
    private static String collapseShortVowelRun(String t) {
        int n = t.length();
        if (n >= 3 && n <= 4 && t.charAt(n - 1) == t.charAt(n - 2) && "aeiou".indexOf(t.charAt(n - 1)) >= 0) {
            return t.substring(0, n - 1);
        }
        return t;
    }
}
