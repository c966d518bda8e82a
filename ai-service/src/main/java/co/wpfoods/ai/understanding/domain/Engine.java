package co.wpfoods.ai.understanding.domain;

import java.util.Locale;

/** Which engine produced an answer. */
public enum Engine {
    OFFLINE,
    GEMINI,
    OPENAI,
    ANTHROPIC,
    GROQ;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
