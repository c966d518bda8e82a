package co.wpfoods.ai.adapter.out.db;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Voice notes we could not turn into text, kept with their media reference. */
public final class JdbcVoiceNoteArchive {

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcVoiceNoteArchive(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void keep(String messageId, String waId, String mediaId, String role, String status, String detail) {
        jdbc.sql("""
                        insert into ai_voice_note (message_id, wa_id, media_id, role, status, detail, received_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (message_id) do nothing
                        """)
                .params(messageId, waId, mediaId, role, status, detail, Timestamp.from(clock.instant()))
                .update();
    }
}
