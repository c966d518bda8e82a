package co.wpfoods.privacy.config;

import co.wpfoods.eventing.EventingAutoConfiguration;
import co.wpfoods.eventing.inbox.Inbox;
import co.wpfoods.eventing.outbox.OutboxWriter;
import co.wpfoods.privacy.adapter.in.kafka.ErasureListener;
import co.wpfoods.privacy.adapter.out.events.OutboxErasureConfirmations;
import co.wpfoods.privacy.application.ErasureConfirmations;
import co.wpfoods.privacy.application.ForgettingPeople;
import co.wpfoods.privacy.application.PersonalData;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The erasure participant (Ley 1581), on in every service that declares its {@link PersonalData}: the
 * {@code privacy.erasure.v1} listener (group {@code <service>.privacy}, inbox {@code <service>.privacy-erasure}), the
 * use case and the confirmation through the outbox, naming the service by {@code spring.application.name}.
 */
@AutoConfiguration(after = EventingAutoConfiguration.class)
@ConditionalOnBean(PersonalData.class)
@EnableConfigurationProperties(PrivacyProperties.class)
public class ErasureParticipantAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ErasureConfirmations erasureConfirmations(OutboxWriter outbox, Environment environment) {
        return new OutboxErasureConfirmations(outbox, service(environment), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    ForgettingPeople forgettingPeople(PersonalData data, ErasureConfirmations confirmations) {
        return new ForgettingPeople(data, confirmations);
    }

    @Bean
    @ConditionalOnProperty(
            name = "wpfoods.privacy.erasure-listener.enabled",
            havingValue = "true",
            matchIfMissing = true)
    ErasureListener privacyErasureListener(Inbox inbox, ForgettingPeople forgetting, Environment environment) {
        return new ErasureListener(inbox, forgetting, service(environment) + ".privacy-erasure");
    }

    private static String service(Environment environment) {
        return environment.getRequiredProperty("spring.application.name");
    }
}
