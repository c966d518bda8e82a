package co.wpfoods.ai.voice.application;

/** Port: speech to text (Groq Whisper through its OpenAI-compatible API). */
public interface Transcriber {

    String provider();

    String model();

    /** The text of the audio; throws {@link TranscriptionFailedException} when the provider refuses or fails. */
    String transcribe(byte[] audio, String filename, String languageHint);

    final class TranscriptionFailedException extends RuntimeException {
        public TranscriptionFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
