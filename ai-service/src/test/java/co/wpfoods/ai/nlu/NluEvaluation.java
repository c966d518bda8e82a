package co.wpfoods.ai.nlu;

import co.wpfoods.ai.nlu.NluCorpus.Labelled;
import co.wpfoods.ai.understanding.application.UnderstandRequest;
import co.wpfoods.ai.understanding.domain.ItemMention;
import co.wpfoods.ai.understanding.domain.Understanding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Intent accuracy and item F1 of an engine over labelled utterances. An item counts as correct only with the right
 * item id and the right quantity.
 */
public final class NluEvaluation {

    public record Report(
            int utterances,
            double intentAccuracy,
            double itemPrecision,
            double itemRecall,
            double itemF1,
            double abstained,
            double accuracyOnAnswered,
            List<String> errors) {

        @Override
        public String toString() {
            return ("utterances=%d intent_accuracy=%.2f%% item_precision=%.3f item_recall=%.3f item_f1=%.3f"
                            + " abstained=%.2f%% accuracy_on_answered=%.2f%%")
                    .formatted(
                            utterances,
                            intentAccuracy * 100,
                            itemPrecision,
                            itemRecall,
                            itemF1,
                            abstained * 100,
                            accuracyOnAnswered * 100);
        }
    }

    private NluEvaluation() {}

    public static Report evaluate(List<Labelled> set, Function<UnderstandRequest, Understanding> engine) {
        int correct = 0;
        int tp = 0;
        int predicted = 0;
        int gold = 0;
        List<String> errors = new ArrayList<>();
        int abstained = 0;
        int answeredRight = 0;
        for (Labelled u : set) {
            Understanding r = engine.apply(UnderstandRequest.of(u.role(), u.text(), u.restaurantId()));
            boolean abstain = r.intent() == co.wpfoods.ai.understanding.domain.Intent.UNKNOWN
                    && !r.candidates().isEmpty()
                    && r.candidates().get(0).intent() != co.wpfoods.ai.understanding.domain.Intent.UNKNOWN;
            abstained += abstain ? 1 : 0;
            answeredRight += !abstain && r.intent() == u.intent() ? 1 : 0;
            Map<String, Integer> got = new LinkedHashMap<>();
            for (ItemMention m : r.entities().items()) {
                got.merge(m.itemId(), m.quantity(), Integer::sum);
            }
            boolean intentOk = r.intent() == u.intent();
            correct += intentOk ? 1 : 0;
            int hits = 0;
            for (var e : got.entrySet()) {
                if (e.getValue().equals(u.items().get(e.getKey()))) {
                    hits++;
                }
            }
            tp += hits;
            predicted += got.size();
            gold += u.items().size();
            if (!intentOk || hits != got.size() || hits != u.items().size()) {
                errors.add("line %d [%s] %s | want %s %s | got %s %s"
                        .formatted(
                                u.line(),
                                u.role(),
                                u.text(),
                                u.intent().wireName(),
                                u.items(),
                                r.intent().wireName()
                                        + (abstain
                                                ? " (abstained; best "
                                                        + r.candidates().get(0) + ")"
                                                : ""),
                                got));
            }
        }
        double p = predicted == 0 ? 1 : (double) tp / predicted;
        double rec = gold == 0 ? 1 : (double) tp / gold;
        double f1 = p + rec == 0 ? 0 : 2 * p * rec / (p + rec);
        int answered = set.size() - abstained;
        return new Report(
                set.size(),
                (double) correct / set.size(),
                p,
                rec,
                f1,
                (double) abstained / set.size(),
                answered == 0 ? 0 : (double) answeredRight / answered,
                errors);
    }

    /** Context set figures: intent accuracy, and exchanges whose intent and every listed entity are right. */
    public record ContextReport(int exchanges, double intentAccuracy, double exchangeAccuracy, List<String> errors) {

        @Override
        public String toString() {
            return "exchanges=%d context_intent_accuracy=%.2f%% context_exchange_accuracy=%.2f%%"
                    .formatted(exchanges, intentAccuracy * 100, exchangeAccuracy * 100);
        }
    }

    public static ContextReport evaluateContext(
            List<NluCorpus.Exchange> set, Function<UnderstandRequest, Understanding> engine) {
        int intents = 0;
        int whole = 0;
        List<String> errors = new ArrayList<>();
        for (NluCorpus.Exchange x : set) {
            Understanding r = engine.apply(x.request());
            boolean intentOk = r.intent() == x.intent();
            List<String> wrong = new ArrayList<>();
            for (var e : x.entities().entrySet()) {
                String got = entity(r, e.getKey());
                if (!e.getValue().equals(got)) {
                    wrong.add(e.getKey() + "=" + got + " (want " + e.getValue() + ")");
                }
            }
            intents += intentOk ? 1 : 0;
            whole += intentOk && wrong.isEmpty() ? 1 : 0;
            if (!intentOk || !wrong.isEmpty()) {
                errors.add("line %d [%s] %s -> %s | want %s | got %s %s"
                        .formatted(
                                x.line(),
                                x.role(),
                                x.lastMessages().getLast(),
                                x.text(),
                                x.intent().wireName(),
                                r.intent().wireName(),
                                wrong));
            }
        }
        return new ContextReport(set.size(), (double) intents / set.size(), (double) whole / set.size(), errors);
    }

    private static String entity(Understanding r, String name) {
        var e = r.entities();
        return switch (name) {
            case "items" ->
                e.items().isEmpty()
                        ? null
                        : String.join(
                                ",",
                                e.items().stream()
                                        .map(m -> m.itemId() + "*" + m.quantity())
                                        .toList());
            case "choice" -> e.choice() == null ? null : e.choice().toString();
            case "quantity" -> e.quantity() == null ? null : e.quantity().toString();
            case "restaurant" -> e.restaurantId();
            case "ref" -> e.orderReference();
            case "payment" ->
                e.paymentMethod() == null ? null : e.paymentMethod().name();
            default -> throw new IllegalArgumentException("unknown entity in the context set: " + name);
        };
    }
}
