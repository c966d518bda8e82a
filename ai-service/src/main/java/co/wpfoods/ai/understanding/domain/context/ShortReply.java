package co.wpfoods.ai.understanding.domain.context;

import co.wpfoods.ai.understanding.domain.parse.Found;
import co.wpfoods.ai.understanding.domain.parse.QuantityParser;
import co.wpfoods.ai.understanding.domain.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A reply too short to mean anything without the question it answers: yes ("sí", "dale", "de una", "yep"), no
 * ("nop", "nah", "mejor no"), a number or an ordinal ("1", "el segundo", "la primera", "un par"), or "another of the
 * same" ("otra igual", "lo mismo", "same again"). The words live in {@code nlu/context/} (replies, fillers, choice
 * words), Spanish and English.
 */
public sealed interface ShortReply {

    record Yes() implements ShortReply {}

    record No() implements ShortReply {}

    record Same() implements ShortReply {}

    /** A number: a position in a list or a quantity. {@code -1} is "the last one". */
    record Number(int value, boolean ordinal) implements ShortReply {}

    /** The reply's kind, or empty when the message says more than a short reply does. */
    static Optional<ShortReply> of(String text) {
        return Words.read(TextNormalizer.tokens(text));
    }

    /** The data, loaded once. */
    final class Words {

        private enum Kind {
            YES,
            NO,
            SAME,
            FILLER
        }

        private record Phrase(List<String> words, Kind kind) {}

        private static final List<Phrase> PHRASES = load();
        private static final Map<String, Integer> ORDINALS = new HashMap<>();
        private static final List<List<String>> LEADS = new ArrayList<>();
        private static final Set<List<String>> TAILS;

        static {
            List<List<String>> tails = new ArrayList<>();
            for (String[] row : ContextData.rows("nlu/context/choice-words.tsv", 2)) {
                List<String> words = ContextData.words(row[1]);
                if (row[0].startsWith("ordinal:")) {
                    if (words.size() != 1) {
                        throw new IllegalStateException("choice-words.tsv: an ordinal is one word: " + row[1]);
                    }
                    ORDINALS.put(words.get(0), Integer.parseInt(row[0].substring("ordinal:".length())));
                } else if (row[0].equals("lead")) {
                    LEADS.add(words);
                } else if (row[0].equals("tail")) {
                    tails.add(words);
                } else {
                    throw new IllegalStateException("choice-words.tsv: unknown kind " + row[0]);
                }
            }
            LEADS.sort(Comparator.comparingInt((List<String> l) -> l.size()).reversed());
            TAILS = Set.copyOf(tails);
        }

        private Words() {}

        private static List<Phrase> load() {
            List<Phrase> out = new ArrayList<>();
            for (String[] row : ContextData.rows("nlu/context/replies.tsv", 2)) {
                Kind kind = switch (row[0]) {
                    case "yes" -> Kind.YES;
                    case "no" -> Kind.NO;
                    case "same" -> Kind.SAME;
                    default -> throw new IllegalStateException("replies.tsv: unknown kind " + row[0]);
                };
                out.add(new Phrase(ContextData.words(row[1]), kind));
            }
            for (String line : ContextData.lines("nlu/context/fillers.txt")) {
                out.add(new Phrase(ContextData.words(line.strip()), Kind.FILLER));
            }
            out.removeIf(p -> p.words().isEmpty());
            out.sort(Comparator.comparingInt((Phrase p) -> p.words().size()).reversed());
            return List.copyOf(out);
        }

        static Optional<ShortReply> read(List<String> tokens) {
            if (tokens.isEmpty() || tokens.size() > 8) {
                return Optional.empty();
            }
            Optional<ShortReply> phrases = phrases(tokens);
            if (phrases.isPresent()) {
                return phrases;
            }
            return number(withoutFillers(tokens));
        }

        /** The tokens made only of yes (or no, or same) phrases and fillers; longest phrase first at each word. */
        private static Optional<ShortReply> phrases(List<String> tokens) {
            Set<Kind> kinds = new java.util.HashSet<>();
            int i = 0;
            while (i < tokens.size()) {
                Phrase match = longestAt(tokens, i, null);
                if (match == null) {
                    return Optional.empty();
                }
                if (match.kind() != Kind.FILLER) {
                    kinds.add(match.kind());
                }
                i += match.words().size();
            }
            if (kinds.size() != 1) {
                return Optional.empty();
            }
            return Optional.of(
                    switch (kinds.iterator().next()) {
                        case YES -> new Yes();
                        case NO -> new No();
                        default -> new Same();
                    });
        }

        private static Phrase longestAt(List<String> tokens, int at, Kind only) {
            for (Phrase p : PHRASES) {
                if ((only == null || p.kind() == only) && startsAt(tokens, at, p.words())) {
                    return p;
                }
            }
            return null;
        }

        private static boolean startsAt(List<String> tokens, int at, List<String> words) {
            if (at + words.size() > tokens.size()) {
                return false;
            }
            return tokens.subList(at, at + words.size()).equals(words);
        }

        private static List<String> withoutFillers(List<String> tokens) {
            List<String> out = new ArrayList<>();
            int i = 0;
            while (i < tokens.size()) {
                Phrase filler = longestAt(tokens, i, Kind.FILLER);
                if (filler == null) {
                    out.add(tokens.get(i));
                    i++;
                } else {
                    i += filler.words().size();
                }
            }
            return out;
        }

        /** "2", "dos", "un par", "el segundo", "the second one", "number 1", "opción 3", "quiero la 2". */
        private static Optional<ShortReply> number(List<String> tokens) {
            if (tokens.isEmpty()) {
                return Optional.empty();
            }
            Optional<Found<Integer>> phrase = QuantityParser.find(tokens);
            if (tokens.size() > 1
                    && phrase.isPresent()
                    && phrase.get().start() == 0
                    && phrase.get().end() == tokens.size()) {
                return Optional.of(new Number(phrase.get().value(), false));
            }
            List<String> rest = new ArrayList<>(tokens);
            boolean stripped = true;
            while (stripped && rest.size() > 1) {
                stripped = false;
                for (List<String> lead : LEADS) {
                    if (lead.size() < rest.size()
                            && rest.subList(0, lead.size()).equals(lead)) {
                        rest = new ArrayList<>(rest.subList(lead.size(), rest.size()));
                        stripped = true;
                        break;
                    }
                }
            }
            while (rest.size() > 1 && TAILS.contains(List.of(rest.getLast()))) {
                rest.removeLast();
            }
            if (rest.size() != 1) {
                return Optional.empty();
            }
            String word = rest.get(0);
            Integer ordinal = ORDINALS.get(word);
            if (ordinal != null) {
                return Optional.of(new Number(ordinal, true));
            }
            Integer n = QuantityParser.number(word);
            return n == null || word.equals("a") || word.equals("an")
                    ? Optional.empty()
                    : Optional.of(new Number(n, false));
        }

        /** Every yes/no/same phrase and filler, by kind (for tests). */
        static Map<String, List<List<String>>> phrasesByKind() {
            return PHRASES.stream()
                    .collect(Collectors.groupingBy(
                            p -> p.kind().name().toLowerCase(java.util.Locale.ROOT),
                            Collectors.mapping(Phrase::words, Collectors.toList())));
        }
    }
}
