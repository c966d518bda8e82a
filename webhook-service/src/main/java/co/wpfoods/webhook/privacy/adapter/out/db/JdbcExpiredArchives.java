package co.wpfoods.webhook.privacy.adapter.out.db;

import co.wpfoods.privacy.application.ExpiredRecords;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Archived webhook POSTs received before the cut-off, oldest first (index {@code raw_webhook_received_at}). */
public class JdbcExpiredArchives implements ExpiredRecords {

    private final JdbcClient jdbc;

    public JdbcExpiredArchives(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int purge(Instant before, int batch) {
        return jdbc.sql("""
                        DELETE FROM raw_webhook WHERE id IN
                            (SELECT id FROM raw_webhook WHERE received_at < :before ORDER BY received_at LIMIT :batch)
                        """)
                .param("before", Timestamp.from(before))
                .param("batch", batch)
                .update();
    }
}
