package co.wpfoods.dispatch.privacy.config;

import co.wpfoods.dispatch.privacy.adapter.out.db.JdbcDispatchPersonalData;
import co.wpfoods.dispatch.privacy.adapter.out.db.V5__Encrypt_personal_data;
import co.wpfoods.dispatch.privacy.application.PersonalDataColumns;
import co.wpfoods.privacy.application.EncryptedColumns;
import co.wpfoods.privacy.application.PersonalData;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What is dispatch-service's own in Ley 1581; the privacy kit (platform/privacy) does the rest — the erasure listener and
 * confirmation, and the {@code personal-data-re-encryption} task, started by dispatch's own db-scheduler (the batch window's), which starts every recurring task bean (settings in
 * {@code application.properties}). Here: the person's rows, the encrypted columns and the migration that encrypted
 * them. Needs {@code wpfoods.security.keys.personal-data} and {@code wpfoods.security.keys.lookup}: without them the
 * service does not start.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    PersonalData personalData(JdbcClient jdbc, LookupHash lookupHash) {
        return new JdbcDispatchPersonalData(jdbc, lookupHash);
    }

    @Bean
    EncryptedColumns encryptedColumns() {
        return new EncryptedColumns(PersonalDataColumns.ALL);
    }

    @Bean
    V5__Encrypt_personal_data encryptPersonalDataMigration(PersonalDataCipher cipher, LookupHash lookupHash) {
        return new V5__Encrypt_personal_data(cipher, lookupHash);
    }
}
