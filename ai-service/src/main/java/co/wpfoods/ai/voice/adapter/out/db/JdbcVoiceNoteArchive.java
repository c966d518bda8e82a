package co.wpfoods.ai.voice.adapter.out.db;

import co.wpfoods.ai.voice.application.TranscriptionService;
import co.wpfoods.ai.voice.application.VoiceNotes;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Voice notes we could not turn into text, kept with their media reference. */
public final class JdbcVoiceNoteArchive implements VoiceNotes.Archive {

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcVoiceNoteArchive(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void keep(VoiceNotes.VoiceNote note, TranscriptionService.Status status, String detail) {
        jdbc.sql("""
                        insert into ai_voice_note (message_id, wa_id, media_id, role, status, detail, received_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (message_id) do nothing
                        """)
                .params(
                        note.messageId(),
                        note.waId(),
                        note.mediaId(),
                        note.role().name(),
                        status.name(),
                        detail,
                        Timestamp.from(clock.instant()))
                .update();
    }
}
