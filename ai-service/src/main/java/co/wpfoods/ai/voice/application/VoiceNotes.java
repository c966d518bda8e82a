package co.wpfoods.ai.voice.application;

import co.wpfoods.ai.understanding.domain.Role;

/**
 * Use case: a voice note arrived. It is downloaded and transcribed; the result says whether to republish it as text
 * or to ask the person to type, keeping the audio reference.
 */
public final class VoiceNotes {

    /** Port: fetches media bytes by WhatsApp media id (Graph API media endpoints). */
    public interface MediaSource {
        byte[] download(String mediaId);
    }

    /** Port: keeps a voice note we could not turn into text, with its media reference. */
    public interface Archive {
        void keep(VoiceNote note, TranscriptionService.Status status, String detail);
    }

    public record VoiceNote(
            String messageId, String waId, Role role, String mediaId, String mimeType, String languageHint) {}

    public sealed interface Outcome {
        record Transcribed(String text, String language) implements Outcome {}

        record AskToType(TranscriptionService.Status status, String detail) implements Outcome {}
    }

    private final MediaSource media;
    private final TranscriptionService transcription;
    private final Archive archive;

    public VoiceNotes(MediaSource media, TranscriptionService transcription, Archive archive) {
        this.media = media;
        this.transcription = transcription;
        this.archive = archive;
    }

    public Outcome handle(VoiceNote note) {
        if (!transcription.available()) {
            return askToType(note, TranscriptionService.Status.UNAVAILABLE, "no transcription provider is configured");
        }
        byte[] audio = media.download(note.mediaId());
        TranscriptionService.Result r = transcription.transcribe(audio, null, note.languageHint(), note.messageId());
        return r.status() == TranscriptionService.Status.TRANSCRIBED
                ? new Outcome.Transcribed(r.text(), r.language())
                : askToType(note, r.status(), r.detail());
    }

    private Outcome askToType(VoiceNote note, TranscriptionService.Status status, String detail) {
        archive.keep(note, status, detail);
        return new Outcome.AskToType(status, detail);
    }
}
