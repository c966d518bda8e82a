package co.wpfoods.messaging.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.messaging.privacy.application.PurgingExpiredRecords;
import co.wpfoods.testing.EmbeddedInfra;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbound log is kept 90 days (configurable), then purged by a db-scheduler recurring task; messages still to be
 * sent are never purged, and the privacy conversation's notices go as soon as they are final.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"wpfoods.messaging.sender.enabled=false"})
@EmbeddedInfra
class OutboundLogRetentionIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PurgingExpiredRecords purging;

    @Test
    void finished_messages_past_the_retention_period_are_purged_and_the_rest_kept() {
        // given
        var now = Instant.now();
        String oldDelivered = logged("573009991001", "conv:a", "delivered", now.minus(Duration.ofDays(91)));
        String oldQueued = logged("573009991002", "conv:b", "queued", now.minus(Duration.ofDays(91)));
        String youngRead = logged("573009991003", "conv:c", "read", now.minus(Duration.ofDays(89)));
        String privacyNotice = logged("573009991004", "privacy:e-1", "sent", now);
        String privacyQueued = logged("573009991005", "privacy:e-2", "queued", now);
        assertThat(purging.retention()).isEqualTo(Duration.ofDays(90));

        // when the retention job runs
        purging.purge();

        // then
        assertThat(exists(oldDelivered)).as("finished, 91 days old").isFalse();
        assertThat(exists(privacyNotice)).as("privacy notice, sent").isFalse();
        assertThat(exists(oldQueued)).as("still to be sent").isTrue();
        assertThat(exists(privacyQueued)).as("privacy notice, still to be sent").isTrue();
        assertThat(exists(youngRead)).as("finished, 89 days old").isTrue();
    }

    @Test
    void the_retention_job_is_a_db_scheduler_task_that_one_replica_runs_at_a_time() {
        assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'outbound-log-retention'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    String logged(String to, String correlation, String state, Instant updatedAt) {
        String id = "cmd-" + UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO outbound_message (command_id, recipient, kind, correlation_id, command, state, updated_at)
                        VALUES (:id, :to, 'TEXT', :correlation, :command, :state, :at)
                        """)
                .param("id", id)
                .param("to", to)
                .param("correlation", correlation)
                .param("command", new byte[] {1})
                .param("state", state)
                .param("at", Timestamp.from(updatedAt))
                .update();
        return id;
    }

    boolean exists(String id) {
        return jdbc.sql("SELECT count(*) FROM outbound_message WHERE command_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
