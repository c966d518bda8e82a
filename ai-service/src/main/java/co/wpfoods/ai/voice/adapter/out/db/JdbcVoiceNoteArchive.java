package co.wpfoods.ai.voice.adapter.out.db;

import co.wpfoods.ai.privacy.application.PersonalDataColumns;
import co.wpfoods.ai.voice.application.TranscriptionService;
import co.wpfoods.ai.voice.application.VoiceNotes;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Voice notes we could not turn into text, kept with their media reference: the number and the media reference
 * encrypted (AES-256-GCM), the number also as a keyed hash for the erasure (Ley 1581).
 */
public final class JdbcVoiceNoteArchive implements VoiceNotes.Archive {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final LookupHash lookupHash;
    private final Clock clock;

    public JdbcVoiceNoteArchive(JdbcClient jdbc, PersonalDataCipher cipher, LookupHash lookupHash, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.lookupHash = lookupHash;
        this.clock = clock;
    }

    @Override
    public void keep(VoiceNotes.VoiceNote note, TranscriptionService.Status status, String detail) {
        jdbc.sql("""
                        insert into ai_voice_note (message_id, wa_id_hash, wa_id_enc, media_id_enc, role, status, detail, received_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (message_id) do nothing
                        """)
                .params(
                        note.messageId(),
                        note.waId() == null ? null : lookupHash.hash(note.waId()),
                        note.waId() == null ? null : cipher.encrypt(note.waId(), PersonalDataColumns.VOICE_NOTE_WA_ID),
                        note.mediaId() == null
                                ? null
                                : cipher.encrypt(note.mediaId(), PersonalDataColumns.VOICE_NOTE_MEDIA_ID),
                        note.role().name(),
                        status.name(),
                        detail,
                        Timestamp.from(clock.instant()))
                .update();
    }
}
