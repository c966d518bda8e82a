package co.wpfoods.dispatch.delivery.config;

import co.wpfoods.dispatch.delivery.application.AnsweringOffers;
import co.wpfoods.dispatch.delivery.application.AskingForLocations;
import co.wpfoods.dispatch.delivery.application.MatchingOrders;
import co.wpfoods.dispatch.delivery.application.OfferTimers;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * db-scheduler on dispatch's database: the batch window and the stale-location check as recurring tasks (one replica
 * runs each round) and one
 * timer per offer (fires once, after a restart too). Scheduling joins the caller's transaction, so an offer and its
 * timer commit together.
 */
@Configuration
@EnableConfigurationProperties(DispatchProperties.class)
class SchedulingConfig {

    static final String OFFER_EXPIRY = "offer-expiry";
    static final String BATCH = "dispatch-batch";
    static final String STALE_LOCATIONS = "stale-locations";

    @Bean
    OneTimeTask<String> offerExpiry(ObjectProvider<AnsweringOffers> offers) {
        return Tasks.oneTime(OFFER_EXPIRY, String.class)
                .execute((instance, context) -> offers.getObject().expire(instance.getData()));
    }

    @Bean
    RecurringTask<Void> batchWindow(DispatchProperties properties, ObjectProvider<MatchingOrders> matching) {
        return Tasks.recurring(BATCH, FixedDelay.of(properties.batchWindow()))
                .execute((instance, context) -> matching.getObject().solvePools());
    }

    @Bean
    RecurringTask<Void> staleLocations(DispatchProperties properties, ObjectProvider<AskingForLocations> asking) {
        return Tasks.recurring(STALE_LOCATIONS, FixedDelay.of(properties.locationCheckInterval()))
                .execute((instance, context) -> asking.getObject().askStale());
    }

    @Bean
    Scheduler dispatchScheduler(
            DataSource dataSource,
            OneTimeTask<String> offerExpiry,
            RecurringTask<Void> batchWindow,
            RecurringTask<Void> staleLocations,
            DispatchProperties properties) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), List.of(offerExpiry))
                .startTasks(List.of(batchWindow, staleLocations))
                .pollingInterval(properties.schedulerPollingInterval())
                .threads(2)
                .build();
    }

    @Bean
    OfferTimers offerTimers(Scheduler dispatchScheduler, OneTimeTask<String> offerExpiry) {
        SchedulerClient client = dispatchScheduler;
        return (offerId, at) -> client.scheduleIfNotExists(offerExpiry.instance(offerId, offerId), at);
    }

    @Bean
    SmartLifecycle dispatchSchedulerLifecycle(Scheduler dispatchScheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                dispatchScheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                dispatchScheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
