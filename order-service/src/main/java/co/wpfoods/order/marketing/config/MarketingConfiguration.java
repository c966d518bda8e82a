package co.wpfoods.order.marketing.config;

import co.wpfoods.order.marketing.application.MarketingSettings;
import co.wpfoods.order.marketing.application.WinningBackCustomers;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The win-back as a db-scheduler recurring task on order-service's one scheduler (the order timers'): whichever replica
 * picks its row runs it, once, and it survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MarketingProperties.class)
class MarketingConfiguration {

    static final String TASK = "marketing-win-back";

    @Bean
    MarketingSettings marketingSettings(MarketingProperties properties) {
        return new MarketingSettings(
                properties.winBackAfter(),
                properties.winBackEvery(),
                properties.winBackTemplate(),
                properties.batchSize());
    }

    @Bean
    RecurringTask<Void> winBackTask(MarketingProperties properties, ObjectProvider<WinningBackCustomers> winningBack) {
        return Tasks.recurring(TASK, FixedDelay.of(properties.interval()))
                .execute((instance, context) -> winningBack.getObject().run());
    }
}
