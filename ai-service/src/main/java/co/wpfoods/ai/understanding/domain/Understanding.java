package co.wpfoods.ai.understanding.domain;

import java.util.List;

/**
 * The answer to "what does this message mean": intent, confidence in [0,1], entities, who answered, and the intents
 * considered with their calibrated probabilities (best first; empty when a provider answered).
 */
public record Understanding(
        Intent intent,
        double confidence,
        Entities entities,
        String language,
        Engine engine,
        List<IntentCandidate> candidates) {

    public Understanding {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    public Understanding(Intent intent, double confidence, Entities entities, String language, Engine engine) {
        this(intent, confidence, entities, language, engine, List.of());
    }

    public Understanding withEngine(Engine other) {
        return new Understanding(intent, confidence, entities, language, other, candidates);
    }
}
