package co.wpfoods.privacy.config;

import co.wpfoods.privacy.application.EncryptedColumns;
import co.wpfoods.security.crypto.DataProtectionAutoConfiguration;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.security.crypto.ReEncryptingColumns;
import co.wpfoods.security.crypto.ReEncryptionJob;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Personal data at rest (Ley 1581), on in every service that declares its {@link EncryptedColumns}: after a rotation
 * of the personal-data keyset, the db-scheduler recurring task {@code personal-data-re-encryption} moves every value
 * still under an older key to the primary one, in batches. Needs {@code wpfoods.security.keys.personal-data}: without
 * it the service does not start.
 */
@AutoConfiguration(after = DataProtectionAutoConfiguration.class)
@ConditionalOnBean(EncryptedColumns.class)
@EnableConfigurationProperties(PrivacyProperties.class)
public class PersonalDataAtRestAutoConfiguration {

    /** The task's name in {@code scheduled_tasks}, the same in every service. */
    public static final String TASK = "personal-data-re-encryption";

    @Bean
    @ConditionalOnMissingBean
    ReEncryptingColumns reEncryptingPersonalData(
            JdbcClient jdbc, PersonalDataCipher cipher, EncryptedColumns columns, PrivacyProperties properties) {
        return new ReEncryptingColumns(
                new ReEncryptionJob(jdbc, cipher),
                columns.all(),
                properties.reEncryption().batchSize());
    }

    @Bean
    RecurringTask<Void> personalDataReEncryptionTask(ReEncryptingColumns reEncrypting, PrivacyProperties properties) {
        return Tasks.recurring(TASK, FixedDelay.of(properties.reEncryption().interval()))
                .execute((instance, context) -> reEncrypting.run());
    }
}
