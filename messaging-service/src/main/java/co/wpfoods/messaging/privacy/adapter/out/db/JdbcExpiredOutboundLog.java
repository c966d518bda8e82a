package co.wpfoods.messaging.privacy.adapter.out.db;

import co.wpfoods.messaging.privacy.application.ExpiredRecords;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbound log past its retention: finished commands (accepted, sent, delivered, read, played, failed, dead
 * lettered) last changed before the cut-off; and, whatever their age, finished notices of the privacy conversation
 * (correlation {@code privacy:…}), which an erasure leaves only until they are sent. Queued and in-flight commands are
 * never purged.
 */
public class JdbcExpiredOutboundLog implements ExpiredRecords {

    private final JdbcClient jdbc;

    public JdbcExpiredOutboundLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int purge(Instant before, int batch) {
        return jdbc.sql("""
                        DELETE FROM outbound_message WHERE command_id IN
                            (SELECT command_id FROM outbound_message
                             WHERE state IN %s AND (updated_at < :before OR correlation_id LIKE 'privacy:%%')
                             LIMIT :batch)
                        """.formatted(JdbcMessagingPersonalData.FINAL_STATES))
                .param("before", Timestamp.from(before))
                .param("batch", batch)
                .update();
    }
}
