package co.wpfoods.ai.application;

import co.wpfoods.ai.domain.Role;

/**
 * Use case: a voice note arrived. It is downloaded and transcribed; the result says whether to republish it as text
 * or to ask the person to type, keeping the audio reference.
 */
public final class VoiceNotes {

    /** Port: fetches media bytes by WhatsApp media id (Graph API media endpoints). */
    public interface MediaSource {
        byte[] download(String mediaId);
    }

    public record VoiceNote(
            String messageId, String waId, Role role, String mediaId, String mimeType, String languageHint) {}

    public sealed interface Outcome {
        record Transcribed(String text, String language) implements Outcome {}

        record AskToType(TranscriptionService.Status status, String detail) implements Outcome {}
    }

    private final MediaSource media;
    private final TranscriptionService transcription;

    public VoiceNotes(MediaSource media, TranscriptionService transcription) {
        this.media = media;
        this.transcription = transcription;
    }

    public Outcome handle(VoiceNote note) {
        if (!transcription.available()) {
            return new Outcome.AskToType(
                    TranscriptionService.Status.UNAVAILABLE, "no transcription provider is configured");
        }
        byte[] audio = media.download(note.mediaId());
        TranscriptionService.Result r = transcription.transcribe(audio, null, note.languageHint(), note.messageId());
        return r.status() == TranscriptionService.Status.TRANSCRIBED
                ? new Outcome.Transcribed(r.text(), r.language())
                : new Outcome.AskToType(r.status(), r.detail());
    }
}
