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
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * db-scheduler on dispatch's database: the batch window and the stale-location check as recurring tasks (one replica
 * runs each round; every {@code RecurringTask} bean is started here, the privacy slice's re-encryption too) and one
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
        return offerExpiryTask(offerId -> offers.getObject().expire(offerId));
    }

    /** The offer timer's task: its name and data (the offer id) are what a scheduled row carries across restarts. */
    static OneTimeTask<String> offerExpiryTask(Consumer<String> expire) {
        return Tasks.oneTime(OFFER_EXPIRY, String.class)
                .execute((instance, context) -> expire.accept(instance.getData()));
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
            ObjectProvider<RecurringTask<?>> recurringTasks,
            DispatchProperties properties) {
        return scheduler(
                new TransactionAwareDataSourceProxy(dataSource),
                offerExpiry,
                recurringTasks.orderedStream().toList(),
                properties.schedulerPollingInterval());
    }

    static Scheduler scheduler(
            DataSource dataSource,
            OneTimeTask<String> offerExpiry,
            List<RecurringTask<?>> recurring,
            Duration pollingInterval) {
        return Scheduler.create(dataSource, List.of(offerExpiry))
                .startTasks(recurring)
                .pollingInterval(pollingInterval)
                .threads(2)
                .build();
    }

    @Bean
    OfferTimers offerTimers(Scheduler dispatchScheduler, OneTimeTask<String> offerExpiry) {
        return offerTimers((SchedulerClient) dispatchScheduler, offerExpiry);
    }

    /** One timer per offer (its id is the instance id: scheduling it twice keeps one). */
    static OfferTimers offerTimers(SchedulerClient client, OneTimeTask<String> offerExpiry) {
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
