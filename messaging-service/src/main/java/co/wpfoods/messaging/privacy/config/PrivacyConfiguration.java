package co.wpfoods.messaging.privacy.config;

import co.wpfoods.messaging.privacy.adapter.out.db.JdbcExpiredOutboundLog;
import co.wpfoods.messaging.privacy.adapter.out.db.JdbcMessagingPersonalData;
import co.wpfoods.messaging.privacy.adapter.out.db.V6__Encrypt_personal_data;
import co.wpfoods.messaging.privacy.application.PurgingSettledPrivacyNotices;
import co.wpfoods.messaging.sending.application.PersonalDataColumns;
import co.wpfoods.privacy.application.EncryptedColumns;
import co.wpfoods.privacy.application.PersonalData;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What is messaging-service's own in Ley 1581; the privacy kit (platform/privacy) does the rest. Its rows about a
 * person, found by the keyed hash of the number (the erasure listener, the confirmation and the inbox are the kit's);
 * the outbound log past its retention (the kit runs {@code outbound-log-retention}, see {@code
 * application.properties}); the encrypted columns and the migration that hashed the recipients and encrypted the
 * commands (the kit runs {@code personal-data-re-encryption}); and the task only this service has: {@code
 * privacy-notice-purge}, which the kit's scheduler starts with the others. Needs {@code
 * wpfoods.security.keys.personal-data} and {@code wpfoods.security.keys.lookup}: without them the service does not
 * start.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    static final String PRIVACY_TASK = "privacy-notice-purge";

    @Bean
    PersonalData personalData(JdbcClient jdbc, LookupHash lookupHash) {
        return new JdbcMessagingPersonalData(jdbc, lookupHash);
    }

    @Bean
    JdbcExpiredOutboundLog expiredOutboundLog(JdbcClient jdbc) {
        return new JdbcExpiredOutboundLog(jdbc);
    }

    @Bean
    PurgingSettledPrivacyNotices purgingSettledPrivacyNotices(JdbcExpiredOutboundLog log) {
        return new PurgingSettledPrivacyNotices(log);
    }

    @Bean
    RecurringTask<Void> privacyNoticePurgeTask(
            PurgingSettledPrivacyNotices purging,
            @Value("${wpfoods.messaging.retention.privacy-notices:10s}") Duration interval) {
        return Tasks.recurring(PRIVACY_TASK, FixedDelay.of(interval)).execute((instance, context) -> purging.purge());
    }

    @Bean
    EncryptedColumns encryptedColumns() {
        return new EncryptedColumns(PersonalDataColumns.ALL);
    }

    @Bean
    V6__Encrypt_personal_data encryptPersonalDataMigration(PersonalDataCipher cipher, LookupHash lookupHash) {
        return new V6__Encrypt_personal_data(cipher, lookupHash);
    }
}
