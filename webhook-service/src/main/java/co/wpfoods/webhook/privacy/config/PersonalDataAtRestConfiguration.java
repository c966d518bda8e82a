package co.wpfoods.webhook.privacy.config;

import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.security.crypto.ReEncryptingColumns;
import co.wpfoods.security.crypto.ReEncryptionJob;
import co.wpfoods.webhook.privacy.adapter.out.db.V3__Encrypt_personal_data;
import co.wpfoods.webhook.privacy.application.PersonalDataColumns;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Personal data at rest (Ley 1581): the migration that encrypted the archive and hashed the numbers, and the
 * re-encryption job, a db-scheduler recurring task started by the service's one scheduler (the retention one).
 * Needs {@code wpfoods.security.keys.personal-data} and {@code wpfoods.security.keys.lookup}: without them the service
 * does not start.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataAtRestConfiguration {

    static final String TASK = "personal-data-re-encryption";

    @Bean
    V3__Encrypt_personal_data encryptPersonalDataMigration(PersonalDataCipher cipher, LookupHash lookupHash) {
        return new V3__Encrypt_personal_data(cipher, lookupHash);
    }

    @Bean
    ReEncryptingColumns reEncryptingPersonalData(
            JdbcClient jdbc,
            PersonalDataCipher cipher,
            @Value("${wpfoods.webhook.personal-data.re-encryption.batch-size:200}") int batchSize) {
        return new ReEncryptingColumns(new ReEncryptionJob(jdbc, cipher), PersonalDataColumns.ALL, batchSize);
    }

    @Bean
    RecurringTask<Void> reEncryptionTask(
            ReEncryptingColumns reEncrypting,
            @Value("${wpfoods.webhook.personal-data.re-encryption.interval:1d}") Duration interval) {
        return Tasks.recurring(TASK, FixedDelay.of(interval)).execute((instance, context) -> reEncrypting.run());
    }
}
