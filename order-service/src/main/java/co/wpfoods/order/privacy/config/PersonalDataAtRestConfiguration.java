package co.wpfoods.order.privacy.config;

import co.wpfoods.order.privacy.adapter.out.db.V5__Encrypt_personal_data;
import co.wpfoods.order.privacy.application.PersonalDataColumns;
import co.wpfoods.privacy.application.EncryptedColumns;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Personal data at rest (Ley 1581): the migration that encrypted the clear columns, and the list of encrypted columns
 * the privacy kit's (platform/privacy) {@code personal-data-re-encryption} task moves after a key rotation — a
 * recurring task that order-service's one db-scheduler (the order timers') starts with its own (settings in {@code
 * application.properties}). order-service is the erasure coordinator, not a participant: it declares no {@code
 * PersonalData}, so the kit's erasure listener stays off here. Needs {@code wpfoods.security.keys.personal-data} and
 * {@code wpfoods.security.keys.lookup}: without them the service does not start.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataAtRestConfiguration {

    @Bean
    V5__Encrypt_personal_data encryptPersonalDataMigration(PersonalDataCipher cipher, LookupHash lookupHash) {
        return new V5__Encrypt_personal_data(cipher, lookupHash);
    }

    @Bean
    EncryptedColumns encryptedColumns() {
        return new EncryptedColumns(PersonalDataColumns.ALL);
    }
}
