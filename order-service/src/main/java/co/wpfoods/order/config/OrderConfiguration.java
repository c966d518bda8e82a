package co.wpfoods.order.config;

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
    OrderLimits orderLimits(OrderProperties properties) {
        return new OrderLimits(
                properties.limits().ordersPerHour(), properties.limits().ordersPerDay());
    }
}
