package co.wpfoods.ai.privacy.config;

import co.wpfoods.ai.privacy.adapter.out.db.JdbcAiPersonalData;
import co.wpfoods.ai.privacy.adapter.out.events.OutboxErasureConfirmations;
import co.wpfoods.ai.privacy.application.ForgettingPeople;
import co.wpfoods.eventing.outbox.OutboxWriter;
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
                new JdbcAiPersonalData(jdbc, lookupHash), new OutboxErasureConfirmations(outbox, service));
    }
}
