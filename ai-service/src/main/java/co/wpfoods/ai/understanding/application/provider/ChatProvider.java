package co.wpfoods.ai.understanding.application.provider;

import co.wpfoods.ai.understanding.domain.Engine;

/** Port: one language-model provider, called with a prompt and asked for a JSON object of a given record type. */
public interface ChatProvider {

    Engine engine();

    String model();

    /**
     * Calls the model. Returns the parsed record and the token usage; a reply that does not parse into {@code type}
     * is a {@link MalformedOutputException} (with the usage, which is still paid for).
     */
    <T> Completion<T> complete(String system, String user, Class<T> type);

    record Completion<T>(T value, long inputTokens, long outputTokens) {}

    /** The model answered, but not with what was asked. */
    final class MalformedOutputException extends RuntimeException {
        private final long inputTokens;
        private final long outputTokens;

        public MalformedOutputException(String message, long inputTokens, long outputTokens, Throwable cause) {
            super(message, cause);
            this.inputTokens = inputTokens;
            this.outputTokens = outputTokens;
        }

        public long inputTokens() {
            return inputTokens;
        }

        public long outputTokens() {
            return outputTokens;
        }
    }
}
