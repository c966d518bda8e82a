package co.wpfoods.ai.privacy.config;

import co.wpfoods.ai.privacy.adapter.out.db.JdbcAiPersonalData;
import co.wpfoods.ai.privacy.adapter.out.db.V3__Encrypt_personal_data;
import co.wpfoods.ai.privacy.application.PersonalDataColumns;
import co.wpfoods.privacy.application.EncryptedColumns;
import co.wpfoods.privacy.application.PersonalData;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What is ai-service's own in Ley 1581; the privacy kit (platform/privacy) does the rest — the erasure listener (off
 * with {@code wpfoods.ai.kafka.enabled=false}) and confirmation, the {@code personal-data-re-encryption} task and the
 * service's one db-scheduler that runs it (settings in {@code application.yml}). Here: the person's rows, the encrypted
 * columns and the migration that encrypted the voice notes and hashed the numbers. Needs {@code
 * wpfoods.security.keys.personal-data} and {@code wpfoods.security.keys.lookup}: without them the service does not
 * start.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    PersonalData personalData(JdbcClient jdbc, LookupHash lookupHash) {
        return new JdbcAiPersonalData(jdbc, lookupHash);
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
