package co.wpfoods.messaging.privacy.config;

import co.wpfoods.messaging.privacy.adapter.out.db.V6__Encrypt_personal_data;
import co.wpfoods.messaging.sending.application.PersonalDataColumns;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.security.crypto.ReEncryptingColumns;
import co.wpfoods.security.crypto.ReEncryptionJob;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Personal data at rest (Ley 1581): the migration that hashed the recipients and encrypted the commands, and the
 * re-encryption job as a db-scheduler recurring task started by the service's one scheduler (the retention one, which
 * starts every recurring task bean; whichever replica picks the row runs it). Needs
 * {@code wpfoods.security.keys.personal-data} and {@code wpfoods.security.keys.lookup}: without them the service does
 * not start.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataAtRestConfiguration {

    static final String TASK = "personal-data-re-encryption";

    @Bean
    V6__Encrypt_personal_data encryptPersonalDataMigration(PersonalDataCipher cipher, LookupHash lookupHash) {
        return new V6__Encrypt_personal_data(cipher, lookupHash);
    }

    @Bean
    ReEncryptingColumns reEncryptingPersonalData(
            JdbcClient jdbc,
            PersonalDataCipher cipher,
            @Value("${wpfoods.messaging.personal-data.re-encryption.batch-size:500}") int batchSize) {
        return new ReEncryptingColumns(new ReEncryptionJob(jdbc, cipher), PersonalDataColumns.ALL, batchSize);
    }

    @Bean
    RecurringTask<Void> reEncryptionTask(
            ReEncryptingColumns reEncrypting,
            @Value("${wpfoods.messaging.personal-data.re-encryption.interval:1d}") Duration interval) {
        return Tasks.recurring(TASK, FixedDelay.of(interval)).execute((instance, context) -> reEncrypting.run());
    }
}
