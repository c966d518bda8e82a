package co.wpfoods.payment.privacy.config;

import co.wpfoods.eventing.outbox.OutboxWriter;
import co.wpfoods.payment.privacy.adapter.out.db.JdbcPaymentPersonalData;
import co.wpfoods.payment.privacy.adapter.out.events.OutboxErasureConfirmations;
import co.wpfoods.payment.privacy.application.ForgettingPeople;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The erasure participant (Ley 1581): what this service forgets, and its confirmation. */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    ForgettingPeople forgettingPeople(
            JdbcClient jdbc,
            PersonalDataCipher cipher,
            LookupHash lookupHash,
            OutboxWriter outbox,
            @Value("${spring.application.name}") String service) {
        return new ForgettingPeople(
                new JdbcPaymentPersonalData(jdbc, cipher, lookupHash), new OutboxErasureConfirmations(outbox, service));
    }
}
