package co.wpfoods.webhook.privacy.config;

import co.wpfoods.privacy.application.EncryptedColumns;
import co.wpfoods.privacy.application.ExpiredRecords;
import co.wpfoods.privacy.application.PersonalData;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.webhook.privacy.adapter.out.db.JdbcExpiredArchives;
import co.wpfoods.webhook.privacy.adapter.out.db.JdbcWebhookPersonalData;
import co.wpfoods.webhook.privacy.adapter.out.db.V3__Encrypt_personal_data;
import co.wpfoods.webhook.privacy.application.PersonalDataColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What is webhook-service's own in Ley 1581; the privacy kit (platform/privacy) does the rest — the erasure listener
 * and confirmation, the {@code webhook-archive-retention} and {@code personal-data-re-encryption} tasks and the one
 * scheduler that runs them (settings in {@code application.yml}). Here: the person's rows, the archives past their
 * retention, the encrypted columns and the migration that encrypted them. Needs {@code
 * wpfoods.security.keys.personal-data} and {@code wpfoods.security.keys.lookup}: without them the service does not
 * start.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    PersonalData personalData(JdbcClient jdbc, LookupHash lookupHash) {
        return new JdbcWebhookPersonalData(jdbc, lookupHash);
    }

    @Bean
    ExpiredRecords expiredArchives(JdbcClient jdbc) {
        return new JdbcExpiredArchives(jdbc);
    }

    @Bean
    EncryptedColumns encryptedColumns() {
        return new EncryptedColumns(PersonalDataColumns.ALL);
    }

    @Bean
    V3__Encrypt_personal_data encryptPersonalDataMigration(PersonalDataCipher cipher, LookupHash lookupHash) {
        return new V3__Encrypt_personal_data(cipher, lookupHash);
    }
}
