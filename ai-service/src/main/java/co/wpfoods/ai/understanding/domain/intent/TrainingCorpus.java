package co.wpfoods.ai.understanding.domain.intent;

import co.wpfoods.ai.understanding.domain.Intent;
import co.wpfoods.ai.understanding.domain.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The training messages, generated from templates (data files, one per role) and slot lists, reproducibly from a
 * seed.
 *
 * <p>Template syntax: {@code (a|b|c)} one of the alternatives (nested freely), {@code [x]} optional, {@code {slot}}
 * a value of a slot list. A slot file holds {@code @name} headers each followed by values (one a line, which may use
 * the same syntax). Intent files hold {@code == wire_name} headers each followed by templates; {@code #} starts a
 * comment line. Every template yields up to {@code perTemplate} distinct messages; a share of them gets a typo
 * (a letter dropped, doubled, swapped or replaced by a keyboard neighbour), a greeting or a closing word, the way
 * people type on a phone.
 */
public final class TrainingCorpus {

    /**
     * One generated message; {@code slots} says which slot lists were used (e.g. {@code item}, {@code generic}),
     * {@code template} which template it came from (role and line), so that cross-validation can keep a template's
     * messages in one fold.
     */
    public record Example(Role role, Intent intent, String text, Set<String> slots, String template) {}

    private static final String[] OPENERS = {
        "hola ",
        "buenas ",
        "ey ",
        "oiga ",
        "vecino ",
        "hey ",
        "hi ",
        "parce ",
        "hola buenas ",
        "buenos dias ",
        "ola ",
        "mija ",
        "amigo ",
        "disculpa ",
        "hello "
    };
    private static final String[] CLOSERS = {
        " porfa",
        " por favor",
        " plis",
        " pls",
        " please",
        " jaja",
        "!!",
        " gracias",
        " xfa",
        " porfis",
        " ya",
        " pues",
        " 🙏",
        " 😊",
        "..."
    };
    private static final String KEYBOARD = "qwertyuiopasdfghjklñzxcvbnm";

    private final Map<String, List<String>> slots;
    private final Random random;
    private final int perTemplate;

    private TrainingCorpus(Map<String, List<String>> slots, long seed, int perTemplate) {
        this.slots = slots;
        this.random = new Random(seed);
        this.perTemplate = perTemplate;
    }

    /**
     * @param slotText the slot lists
     * @param intentTexts per role, its template file
     */
    public static List<Example> generate(String slotText, Map<Role, String> intentTexts, long seed, int perTemplate) {
        TrainingCorpus corpus = new TrainingCorpus(parseSlots(slotText), seed, perTemplate);
        List<Example> out = new ArrayList<>();
        for (var e : intentTexts.entrySet()) {
            corpus.expand(e.getKey(), e.getValue(), out);
        }
        return out;
    }

    public static Map<String, List<String>> parseSlots(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> current = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("@")) {
                current = new ArrayList<>();
                out.put(line.substring(1).strip(), current);
            } else if (current != null) {
                current.add(line);
            }
        }
        return out;
    }

    private void expand(Role role, String text, List<Example> out) {
        Intent intent = null;
        int lineNo = 0;
        for (String raw : text.split("\n")) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("==")) {
                intent = Intent.fromWireName(line.substring(2).strip());
                if (!intent.appliesTo(role)) {
                    throw new IllegalArgumentException(
                            "line %d: %s is not an intent of %s".formatted(lineNo, intent.wireName(), role));
                }
                continue;
            }
            if (intent == null) {
                throw new IllegalArgumentException("line %d: template before any '== intent'".formatted(lineNo));
            }
            Set<String> seen = new LinkedHashSet<>();
            int attempts = perTemplate * 3;
            for (int i = 0; i < attempts && seen.size() < perTemplate; i++) {
                Set<String> used = new LinkedHashSet<>();
                String message = tidy(render(line, used));
                if (message.isEmpty() || !seen.add(message)) {
                    continue;
                }
                out.add(new Example(role, intent, message, Set.copyOf(used), role + ":" + lineNo));
                if (random.nextDouble() < 0.35) {
                    out.add(new Example(role, intent, noisy(message), Set.copyOf(used), role + ":" + lineNo));
                }
            }
        }
    }

    /** Renders one random choice of a template. */
    String render(String template, Set<String> used) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '(' || c == '[') {
                int end = closing(template, i);
                List<String> options = split(template.substring(i + 1, end));
                if (c == '[') {
                    if (random.nextBoolean()) {
                        out.append(render(template.substring(i + 1, end), used));
                    }
                } else {
                    out.append(render(options.get(random.nextInt(options.size())), used));
                }
                i = end + 1;
            } else if (c == '{') {
                int end = template.indexOf('}', i);
                String name = template.substring(i + 1, end);
                List<String> values = slots.get(name);
                if (values == null || values.isEmpty()) {
                    throw new IllegalArgumentException("unknown slot {" + name + "} in: " + template);
                }
                used.add(name);
                out.append(render(values.get(random.nextInt(values.size())), used));
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException("unbalanced brackets in: " + s);
    }

    /** Splits at top-level '|'. */
    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(s.substring(from, i));
                from = i + 1;
            }
        }
        out.add(s.substring(from));
        return out;
    }

    private static String tidy(String s) {
        return s.replaceAll("\\s+", " ").replaceAll(" ([,?!.])", "$1").strip();
    }

    /** A phone-typed variant: a typo in one longer word, and sometimes an opener or a closer. */
    String noisy(String message) {
        String s = message;
        String[] words = s.split(" ");
        List<Integer> long4 = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (words[i].length() >= 4 && words[i].chars().allMatch(Character::isLetter)) {
                long4.add(i);
            }
        }
        if (!long4.isEmpty()) {
            int w = long4.get(random.nextInt(long4.size()));
            words[w] = typo(words[w]);
            s = String.join(" ", words);
        }
        double r = random.nextDouble();
        if (r < 0.2) {
            s = OPENERS[random.nextInt(OPENERS.length)] + s;
        } else if (r < 0.4) {
            s = s + CLOSERS[random.nextInt(CLOSERS.length)];
        }
        if (random.nextDouble() < 0.3) {
            s = s.toUpperCase(Locale.ROOT).equals(s)
                    ? s
                    : random.nextBoolean() ? capitalize(s) : s.toLowerCase(Locale.ROOT);
        }
        return s;
    }

    private String typo(String w) {
        int p = 1 + random.nextInt(w.length() - 2);
        return switch (random.nextInt(4)) {
            case 0 -> w.substring(0, p) + w.substring(p + 1);
            case 1 -> w.substring(0, p) + w.charAt(p) + w.substring(p);
            case 2 -> w.substring(0, p - 1) + w.charAt(p) + w.charAt(p - 1) + w.substring(p + 1);
            default -> w.substring(0, p) + neighbour(w.charAt(p)) + w.substring(p + 1);
        };
    }

    private char neighbour(char c) {
        int i = KEYBOARD.indexOf(Character.toLowerCase(c));
        if (i < 0) {
            return c;
        }
        int j = i + (random.nextBoolean() ? 1 : -1);
        return KEYBOARD.charAt(Math.max(0, Math.min(KEYBOARD.length() - 1, j)));
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
