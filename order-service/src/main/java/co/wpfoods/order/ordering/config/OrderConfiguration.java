package co.wpfoods.order.ordering.config;

import co.wpfoods.order.conversation.adapter.out.ai.AiServiceSettings;
import co.wpfoods.order.conversation.adapter.out.media.MessagingServiceSettings;
import co.wpfoods.order.conversation.application.ConversationSettings;
import co.wpfoods.order.ordering.adapter.out.timers.TimerSettings;
import co.wpfoods.order.ordering.domain.OrderLimits;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(OrderProperties.class)
class OrderConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TimerSettings timerSettings(OrderProperties properties) {
        return new TimerSettings(
                properties.timers().threads(),
                properties.timers().pollingInterval(),
                properties.restaurantAnswer().reminderAfter(),
                properties.restaurantAnswer().timeout(),
                properties.paymentTimeout());
    }

    @Bean
    ConversationSettings conversationSettings(OrderProperties properties) {
        return new ConversationSettings(
                properties.ai().minConfidence(),
                properties.templates().orderUpdate(),
                properties.templates().rating(),
                properties.templates().restaurantNewOrder());
    }

    @Bean
    AiServiceSettings aiServiceSettings(OrderProperties properties) {
        return properties.ai();
    }

    @Bean
    MessagingServiceSettings messagingServiceSettings(OrderProperties properties) {
        return properties.messaging();
    }

    @Bean
    OrderLimits orderLimits(OrderProperties properties) {
        return new OrderLimits(
                properties.limits().ordersPerHour(), properties.limits().ordersPerDay());
    }
}
