package co.wpfoods.order.consent.config;

import co.wpfoods.order.consent.adapter.out.db.V6__Consent_ledger;
import co.wpfoods.order.consent.application.Consents;
import co.wpfoods.order.privacy.application.PrivacySettings;
import co.wpfoods.security.consent.ConsentLedger;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Consent (Ley 1581) in platform security's ledger: its table comes with migration {@code V6__Consent_ledger} (a bean,
 * so it has the keys to read the consent kept in the conversations before the ledger existed).
 */
@Configuration(proxyBeanMethods = false)
class ConsentConfiguration {

    @Bean
    ConsentLedger consentLedger(JdbcClient jdbc, LookupHash lookupHash, Clock clock) {
        return new ConsentLedger(jdbc, lookupHash, clock);
    }

    @Bean
    Consents consents(ConsentLedger ledger, PrivacySettings privacy) {
        return new Consents(ledger, privacy.policyVersion());
    }

    @Bean
    V6__Consent_ledger consentLedgerMigration(PersonalDataCipher cipher, PrivacySettings privacy) {
        return new V6__Consent_ledger(cipher, privacy.policyVersion());
    }
}
