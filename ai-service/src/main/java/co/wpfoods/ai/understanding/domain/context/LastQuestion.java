package co.wpfoods.ai.understanding.domain.context;

import co.wpfoods.ai.understanding.domain.Intent;
import co.wpfoods.ai.understanding.domain.Role;
import co.wpfoods.ai.understanding.domain.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What our last question to the person was, read from the conversation's recent messages: a yes/no question
 * ("¿Confirmamos tu pedido?", "¿Aceptas la oferta?"), a numbered list to pick from ("Elige un restaurante: 1. … 2.
 * …"), or a quantity question ("¿Cuántas quieres?"). The phrases that say which live in
 * {@code nlu/context/questions.tsv}, per role, Spanish and English.
 *
 * @param text the question as it was sent
 * @param yesNo what a yes and a no mean, when it is a yes/no question (else null)
 * @param pick what picking a line of its numbered list means (else null)
 * @param quantity what a number means when it asks how many (else null)
 * @param options a numbered list's lines, in order (empty when there is no list)
 */
public record LastQuestion(String text, Answer yesNo, Answer pick, Answer quantity, List<String> options) {

    public enum Kind {
        YES_NO,
        PICK,
        QUANTITY
    }

    /** The intent a yes (a pick, a quantity) means, and the one a no means (null: a no is read on its own). */
    public record Answer(Intent onYes, Intent onNo) {}

    public LastQuestion {
        options = List.copyOf(options);
    }

    /** How many of the most recent messages are looked at for our question. */
    public static final int LOOK_BACK = 3;

    private record Row(Role role, Kind kind, Intent onYes, Intent onNo, List<String> words) {
        boolean wildcardOnly() {
            return words.stream().allMatch("*"::equals);
        }

        Answer answer() {
            return new Answer(onYes, onNo);
        }
    }

    private static final List<Row> ROWS = load();

    /** A list marker: "1." "2)" "3 -" at a word start, not inside a number or a price ("$24.900."). */
    private static final Pattern MARKER = Pattern.compile("(?<![\\p{L}\\d$.,#])(\\d{1,2})\\s*[.)\\-]\\s+");

    /** The end of a list's last line: a question mark or a sentence's full stop. */
    private static final Pattern LINE_END = Pattern.compile("[¿?\\n]|\\.(?!\\d)\\s");

    private static List<Row> load() {
        List<Row> out = new ArrayList<>();
        for (String[] f : ContextData.rows("nlu/context/questions.tsv", 5)) {
            Role role = Role.valueOf(f[0]);
            Kind kind = switch (f[1]) {
                case "yesno" -> Kind.YES_NO;
                case "pick" -> Kind.PICK;
                case "quantity" -> Kind.QUANTITY;
                default -> throw new IllegalStateException("questions.tsv: unknown kind " + f[1]);
            };
            Intent yes = intent(role, f[2], f);
            Intent no = f[3].equals("-") ? null : intent(role, f[3], f);
            if (yes == null) {
                throw new IllegalStateException("questions.tsv: a question needs an intent: " + String.join(" ", f));
            }
            out.add(new Row(role, kind, yes, no, ContextData.words(f[4])));
        }
        return List.copyOf(out);
    }

    private static Intent intent(Role role, String name, String[] row) {
        if (name.equals("-")) {
            return null;
        }
        Intent intent = Intent.fromWireName(name);
        if (!intent.appliesTo(role)) {
            throw new IllegalStateException(
                    "questions.tsv: " + name + " is not an intent of " + role + ": " + String.join(" ", row));
        }
        return intent;
    }

    /**
     * Our question among the last {@link #LOOK_BACK} messages (newest first), or empty when none of them is a
     * question a short reply can answer.
     */
    public static Optional<LastQuestion> find(Role role, List<String> lastMessages) {
        for (int i = lastMessages.size() - 1; i >= 0 && i >= lastMessages.size() - LOOK_BACK; i--) {
            Optional<LastQuestion> q = read(role, lastMessages.get(i));
            if (q.isPresent()) {
                return q;
            }
        }
        return Optional.empty();
    }

    /** One message read as our question, if it is one. */
    public static Optional<LastQuestion> read(Role role, String message) {
        if (message == null || message.isBlank()) {
            return Optional.empty();
        }
        String text = message.replace("\\n", "\n");
        List<String> options = new ArrayList<>();
        String frame = list(text, options);
        List<String> words = TextNormalizer.tokens(frame);
        Answer yesNo = null;
        Answer pick = null;
        Answer pickByDefault = null;
        Answer quantity = null;
        for (Row row : ROWS) {
            if (row.role() != role) {
                continue;
            }
            switch (row.kind()) {
                case YES_NO -> yesNo = yesNo == null && contains(words, row.words()) ? row.answer() : yesNo;
                case QUANTITY -> quantity = quantity == null && contains(words, row.words()) ? row.answer() : quantity;
                case PICK -> {
                    if (options.isEmpty()) {
                        continue;
                    }
                    if (row.wildcardOnly()) {
                        pickByDefault = pickByDefault == null ? row.answer() : pickByDefault;
                    } else if (pick == null && contains(words, row.words())) {
                        pick = row.answer();
                    }
                }
            }
        }
        pick = pick == null ? pickByDefault : pick;
        if (yesNo == null && pick == null && quantity == null) {
            return Optional.empty();
        }
        return Optional.of(new LastQuestion(message, yesNo, pick, quantity, options));
    }

    /**
     * The lines of a numbered list 1, 2, 3… (at least two) go into {@code options}; returns the text around the list
     * (its introduction and the question after it), or the whole text when there is no list.
     */
    static String list(String text, List<String> options) {
        Matcher m = MARKER.matcher(text);
        List<int[]> markers = new ArrayList<>();
        int expected = 1;
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n == expected) {
                markers.add(new int[] {m.start(), m.end()});
                expected++;
            } else if (n == 1) {
                markers.clear();
                markers.add(new int[] {m.start(), m.end()});
                expected = 2;
            }
        }
        if (markers.size() < 2) {
            return text;
        }
        for (int i = 0; i < markers.size(); i++) {
            int from = markers.get(i)[1];
            int to = i + 1 < markers.size() ? markers.get(i + 1)[0] : text.length();
            String line = text.substring(from, to);
            if (i == markers.size() - 1) {
                Matcher end = LINE_END.matcher(line);
                if (end.find()) {
                    line = line.substring(0, end.start());
                }
            }
            options.add(line.strip().replaceAll("[,;]$", ""));
        }
        int lastLineEnd = markers.getLast()[1] + lastLength(text, markers.getLast()[1]);
        return text.substring(0, markers.getFirst()[0]) + " " + text.substring(lastLineEnd);
    }

    private static int lastLength(String text, int from) {
        Matcher end = LINE_END.matcher(text.substring(from));
        return end.find() ? end.start() : text.length() - from;
    }

    private static boolean contains(List<String> words, List<String> phrase) {
        for (int i = 0; i + phrase.size() <= words.size(); i++) {
            boolean all = true;
            for (int j = 0; j < phrase.size() && all; j++) {
                all = phrase.get(j).equals("*") || phrase.get(j).equals(words.get(i + j));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** The option a number picks (1-based; -1 = the last), or empty when it is not on the list. */
    public Optional<String> option(int choice) {
        int index = choice == -1 ? options.size() - 1 : choice - 1;
        return index >= 0 && index < options.size() ? Optional.of(options.get(index)) : Optional.empty();
    }
}
