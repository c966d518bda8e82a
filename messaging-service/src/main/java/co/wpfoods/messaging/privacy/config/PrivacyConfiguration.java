package co.wpfoods.messaging.privacy.config;

import co.wpfoods.eventing.outbox.OutboxWriter;
import co.wpfoods.messaging.privacy.adapter.out.db.JdbcMessagingPersonalData;
import co.wpfoods.messaging.privacy.adapter.out.events.OutboxErasureConfirmations;
import co.wpfoods.messaging.privacy.application.ForgettingPeople;
import co.wpfoods.security.crypto.LookupHash;
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
            LookupHash lookupHash,
            OutboxWriter outbox,
            @Value("${spring.application.name}") String service) {
        return new ForgettingPeople(
                new JdbcMessagingPersonalData(jdbc, lookupHash), new OutboxErasureConfirmations(outbox, service));
    }
}
