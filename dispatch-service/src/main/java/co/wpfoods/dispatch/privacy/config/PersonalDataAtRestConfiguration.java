package co.wpfoods.dispatch.privacy.config;

import co.wpfoods.dispatch.privacy.adapter.out.db.V5__Encrypt_personal_data;
import co.wpfoods.dispatch.privacy.application.PersonalDataColumns;
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
 * Personal data at rest (Ley 1581): the migration that encrypted the clear columns, and the re-encryption job as a
 * db-scheduler recurring task on dispatch's one scheduler (whichever replica picks the row runs it; it survives
 * restarts). Needs {@code wpfoods.security.keys.personal-data} and {@code wpfoods.security.keys.lookup}: without them
 * the service does not start.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataAtRestConfiguration {

    static final String TASK = "personal-data-re-encryption";

    @Bean
    V5__Encrypt_personal_data encryptPersonalDataMigration(PersonalDataCipher cipher, LookupHash lookupHash) {
        return new V5__Encrypt_personal_data(cipher, lookupHash);
    }

    @Bean
    ReEncryptingColumns reEncryptingPersonalData(
            JdbcClient jdbc,
            PersonalDataCipher cipher,
            @Value("${wpfoods.dispatch.personal-data.re-encryption.batch-size:500}") int batchSize) {
        return new ReEncryptingColumns(new ReEncryptionJob(jdbc, cipher), PersonalDataColumns.ALL, batchSize);
    }

    /** Started by dispatch's db-scheduler (the batch window's), which starts every recurring task bean. */
    @Bean
    RecurringTask<Void> reEncryptionTask(
            ReEncryptingColumns reEncrypting,
            @Value("${wpfoods.dispatch.personal-data.re-encryption.interval:1d}") Duration interval) {
        return Tasks.recurring(TASK, FixedDelay.of(interval)).execute((instance, context) -> reEncrypting.run());
    }
}
