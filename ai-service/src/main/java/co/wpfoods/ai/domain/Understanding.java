package co.wpfoods.ai.domain;

/** The answer to "what does this message mean": intent, confidence in [0,1], entities, and who answered. */
public record Understanding(Intent intent, double confidence, Entities entities, String language, Engine engine) {

    public Understanding withEngine(Engine other) {
        return new Understanding(intent, confidence, entities, language, other);
    }
}
