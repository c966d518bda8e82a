package co.wpfoods.messaging.privacy.adapter.out.db;

import co.wpfoods.messaging.privacy.application.SettledPrivacyNotices;
import co.wpfoods.privacy.application.ExpiredRecords;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbound log past its retention: finished commands (accepted, sent, delivered, read, played, failed, dead
 * lettered) last changed before the cut-off, and queue rows whose recipient has no message left; and, whatever their
 * age, finished notices of the privacy conversation (correlation {@code privacy:…}), which an erasure leaves only until
 * they are sent, with their recipient's queue row once it has nothing to send. Queued and in-flight commands are never
 * purged, nor a queue row that is leased or has a command pending. Recipients are keyed hashes
 * ({@code recipient_hash}): nothing here needs the number.
 */
public class JdbcExpiredOutboundLog implements ExpiredRecords, SettledPrivacyNotices {

    private final JdbcClient jdbc;

    public JdbcExpiredOutboundLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A queue row with nothing pending, no live lease and no message left: the pair-limit budget it keeps is lost,
     * which Meta's 131056 backoff covers should that recipient receive a burst again. A command queued meanwhile
     * locks the row and raises {@code pending} first; the delete then re-reads the row and skips it.
     */
    private static final String IDLE_QUEUE_ROW = """
            q.pending = 0 AND (q.lease_owner IS NULL OR q.lease_until < clock_timestamp())
            AND NOT EXISTS (SELECT 1 FROM outbound_message m WHERE m.recipient_hash = q.recipient_hash)
            """;

    @Override
    public int purge(Instant before, int batch) {
        int messages = jdbc.sql("""
                        DELETE FROM outbound_message WHERE command_id IN
                            (SELECT command_id FROM outbound_message
                             WHERE state IN %s AND (updated_at < :before OR correlation_id LIKE 'privacy:%%')
                             LIMIT :batch)
                        """.formatted(JdbcMessagingPersonalData.FINAL_STATES))
                .param("before", Timestamp.from(before))
                .param("batch", batch)
                .update();
        if (messages == batch) {
            return messages;
        }
        return messages
                + jdbc.sql("""
                                DELETE FROM recipient_queue WHERE recipient_hash IN
                                    (SELECT q.recipient_hash FROM recipient_queue q WHERE %s LIMIT :batch)
                                """.formatted(IDLE_QUEUE_ROW)).param("batch", batch).update();
    }

    @Override
    public int purgeSettledPrivacyNotices() {
        var recipients = jdbc.sql("""
                        DELETE FROM outbound_message
                        WHERE state IN %s AND correlation_id LIKE 'privacy:%%'
                        RETURNING recipient_hash
                        """.formatted(JdbcMessagingPersonalData.FINAL_STATES))
                .query(byte[].class)
                .list();
        if (recipients.isEmpty()) {
            return 0;
        }
        return recipients.size()
                + jdbc.sql("DELETE FROM recipient_queue q WHERE q.recipient_hash = ANY(:recipients) AND "
                                + IDLE_QUEUE_ROW)
                        // a recipient named twice is deleted once
                        .param("recipients", recipients.toArray(byte[][]::new))
                        .update();
    }
}
