package co.wpfoods.dispatch.delivery.application;

import java.util.Optional;

/**
 * Port: reads a worker's free text (ai-service). Empty when it cannot tell in time; the conversation then answers with
 * buttons.
 */
public interface IntentReader {

    /**
     * The intent found; the PIN read; the 1-based line of our last options the reply picked ({@code -1}: the last);
     * each but the name may be null.
     */
    record Intent(String name, String pin, Integer choice) {}

    /**
     * @param language the worker's language ("es-CO" or "en")
     * @param lastPrompt our last question to the worker as they read it, or null
     */
    Optional<Intent> read(String text, String language, String lastPrompt, String correlationId);
}
