package co.wpfoods.ai.domain.intent;

import co.wpfoods.ai.domain.Intent;
import co.wpfoods.ai.domain.Role;
import java.util.EnumMap;
import java.util.Map;

/**
 * Scores every intent of the role by the cues found in the normalized text plus what the entity parsers found,
 * and returns the best with a confidence from its margin over the runner-up.
 */
public final class IntentClassifier {

    /** What the parsers found before classification. */
    public record Signals(
            boolean hasItems,
            boolean hasPayment,
            boolean hasPrice,
            boolean hasPin,
            boolean hasOrderReference,
            boolean hasAddress,
            boolean question,
            boolean onlyPunctuation) {}

    public record Result(Intent intent, double confidence, Map<Intent, Double> scores) {}

    private static final double MIN_SCORE = 0.9;

    public Result classify(Role role, String canonical, Signals s) {
        Map<Intent, Double> scores = new EnumMap<>(Intent.class);
        String text = " " + canonical + " ";
        for (Intent intent : Intent.values()) {
            if (!intent.appliesTo(role) || intent == Intent.UNKNOWN) {
                continue;
            }
            double score = 0;
            for (IntentCues.Cue cue : IntentCues.of(intent)) {
                if (cue.pattern().matcher(text).find()) {
                    score += cue.weight();
                }
            }
            score += bonus(intent, s);
            if (!s.hasItems() && (intent == Intent.ITEM_ON || intent == Intent.ITEM_OFF)) {
                score *= 0.5;
            }
            if (score > 0) {
                scores.put(intent, score);
            }
        }
        if (s.onlyPunctuation() && s.question()) {
            return new Result(Intent.HELP, 0.6, scores);
        }
        Intent best = Intent.UNKNOWN;
        double top = 0;
        double second = 0;
        for (var e : scores.entrySet()) {
            double v = e.getValue();
            if (v > top) {
                second = top;
                top = v;
                best = e.getKey();
            } else if (v > second) {
                second = v;
            }
        }
        if (top < MIN_SCORE) {
            if (role == Role.CUSTOMER && s.hasItems()) {
                return new Result(Intent.ADD_TO_CART, 0.55, scores);
            }
            return new Result(Intent.UNKNOWN, 0.2, scores);
        }
        double confidence = Math.min(0.99, 0.5 + 0.5 * (top - second) / top) * Math.min(1.0, 0.6 + top / 10);
        return new Result(best, Math.round(confidence * 100) / 100.0, scores);
    }

    private static double bonus(Intent intent, Signals s) {
        return switch (intent) {
            case ADD_TO_CART -> s.hasItems() ? 2.0 : 0;
            case SEARCH -> s.hasItems() && s.question() ? 1.0 : 0;
            case REMOVE_FROM_CART -> s.hasItems() ? 0.5 : 0;
            case PAY_QUESTION -> s.hasPayment() ? 2.0 : 0;
            case PRICE_CHANGE -> s.hasPrice() ? 2.0 : 0;
            case DELIVERED -> s.hasPin() ? 2.0 : 0;
            case TRACK -> s.hasOrderReference() ? 0.5 : 0;
            case ITEM_OFF, ITEM_ON -> s.hasItems() ? 0.5 : 0;
            default -> 0;
        };
    }
}
