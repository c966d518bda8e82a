package co.wpfoods.webhook.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.privacy.application.PurgingExpiredRecords;
import co.wpfoods.security.crypto.Keysets;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.webhook.WebhookServiceSupport;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Raw webhook archives are kept 90 days (configurable), then purged by a db-scheduler recurring task. */
class ArchiveRetentionIT extends WebhookServiceSupport {

    static final PersonalDataCipher CIPHER = new PersonalDataCipher(Keysets.newPersonalDataKeyset());

    @Autowired
    DataSource dataSource;

    @Autowired
    PurgingExpiredRecords purging;

    @Test
    void archives_older_than_the_retention_period_are_purged_and_younger_ones_kept() {
        // given one archive 91 days old and one 89 days old
        var jdbc = JdbcClient.create(dataSource);
        UUID old = archived(jdbc, Instant.now().minus(Duration.ofDays(91)));
        UUID young = archived(jdbc, Instant.now().minus(Duration.ofDays(89)));
        assertThat(purging.retention()).isEqualTo(Duration.ofDays(90));

        // when the retention job runs
        int purged = purging.purge();

        // then only the old one is gone
        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(exists(jdbc, old)).isFalse();
        assertThat(exists(jdbc, young)).isTrue();
    }

    @Test
    void the_retention_job_is_a_db_scheduler_task_that_one_replica_runs_at_a_time() {
        var jdbc = JdbcClient.create(dataSource);
        assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'webhook-archive-retention'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    static UUID archived(JdbcClient jdbc, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO raw_webhook (id, received_at, records, body_enc) VALUES (:id, :at, 1, :body)")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .param("body", CIPHER.encryptBytes("{\"object\":\"whatsapp_business_account\"}".getBytes(), "t"))
                .update();
        return id;
    }

    static boolean exists(JdbcClient jdbc, UUID id) {
        return jdbc.sql("SELECT count(*) FROM raw_webhook WHERE id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
