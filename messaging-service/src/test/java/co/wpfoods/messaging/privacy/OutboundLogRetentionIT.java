package co.wpfoods.messaging.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.messaging.sending.application.PersonalDataColumns;
import co.wpfoods.privacy.application.PurgingExpiredRecords;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
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
        properties = {"wpfoods.messaging.sender.enabled=false", "wpfoods.messaging.retention.privacy-notices=1s"})
@EmbeddedInfra
class OutboundLogRetentionIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PurgingExpiredRecords purging;

    @Autowired
    LookupHash lookupHash;

    @Autowired
    PersonalDataCipher cipher;

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
    void a_queue_row_whose_recipient_has_no_message_left_goes_with_the_retention_run() {
        // given a recipient whose last message is past the retention period, and one with a young message
        var now = Instant.now();
        logged("573009992001", "conv:d", "read", now.minus(Duration.ofDays(91)));
        queued("573009992001", 0, null);
        logged("573009992002", "conv:e", "read", now.minus(Duration.ofDays(2)));
        queued("573009992002", 0, null);

        // when the retention job runs
        purging.purge();

        // then
        assertThat(queueRow("573009992001")).as("nothing left to send or keep").isFalse();
        assertThat(queueRow("573009992002")).as("a message still kept").isTrue();
    }

    @Test
    void after_an_erasure_the_privacy_notices_and_the_idle_queue_row_go_as_soon_as_the_notices_are_final() {
        // given the last notices to an erased person ("we deleted your data"), final, and his idle queue row
        var now = Instant.now();
        String done = logged("573009993001", "privacy:e-3", "accepted", now);
        String delivered = logged("573009993001", "privacy:e-3", "delivered", now);
        queued("573009993001", 0, null);
        // a notice still to be sent to another person, whose queue row counts it
        String pending = logged("573009993002", "privacy:e-4", "queued", now);
        queued("573009993002", 1, null);
        // a sent notice to a third person whose queue row a replica holds right now
        logged("573009993003", "privacy:e-5", "sent", now);
        queued("573009993003", 0, "replica-1");

        // then the purge task (every second here) removes the final notices and the idle row, untouched otherwise
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(exists(done)).as("final privacy notice").isFalse();
            assertThat(exists(delivered)).as("final privacy notice").isFalse();
            assertThat(queueRow("573009993001"))
                    .as("erased person's idle queue row")
                    .isFalse();
        });
        assertThat(exists(pending)).as("privacy notice still to be sent").isTrue();
        assertThat(queueRow("573009993002"))
                .as("queue row with a command pending")
                .isTrue();
        assertThat(queueRow("573009993003")).as("queue row leased by a replica").isTrue();
    }

    @Test
    void the_retention_job_the_privacy_purge_and_the_re_encryption_are_db_scheduler_tasks_one_replica_runs_at_a_time() {
        assertThat(jdbc.sql("SELECT task_name FROM scheduled_tasks ORDER BY task_name")
                        .query(String.class)
                        .list())
                .containsExactly("outbound-log-retention", "personal-data-re-encryption", "privacy-notice-purge");
    }

    void queued(String recipient, int pending, String leaseOwner) {
        jdbc.sql("""
                        INSERT INTO recipient_queue (recipient_hash, pending, pair_tokens, lease_owner, lease_until)
                        VALUES (:r, :pending, 45, :owner, CASE WHEN :owner::text IS NULL THEN NULL
                                                           ELSE clock_timestamp() + interval '5 minutes' END)
                        """)
                .param("r", lookupHash.hash(recipient))
                .param("pending", pending)
                .param("owner", leaseOwner)
                .update();
    }

    boolean queueRow(String recipient) {
        return jdbc.sql("SELECT count(*) FROM recipient_queue WHERE recipient_hash = :r")
                        .param("r", lookupHash.hash(recipient))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    String logged(String to, String correlation, String state, Instant updatedAt) {
        String id = "cmd-" + UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO outbound_message (command_id, recipient_hash, kind, correlation_id, command_enc, state,
                                                      updated_at)
                        VALUES (:id, :to, 'TEXT', :correlation, :command, :state, :at)
                        """)
                .param("id", id)
                .param("to", lookupHash.hash(to))
                .param("correlation", correlation)
                .param("command", cipher.encryptBytes(new byte[] {1}, PersonalDataColumns.OUTBOUND_COMMAND))
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
