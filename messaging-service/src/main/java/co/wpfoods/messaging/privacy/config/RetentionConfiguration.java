package co.wpfoods.messaging.privacy.config;

import co.wpfoods.messaging.privacy.adapter.out.db.JdbcExpiredOutboundLog;
import co.wpfoods.messaging.privacy.application.PurgingExpiredRecords;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention job (Ley 1581 and the product document: 90 days) and the privacy-notice purge as db-scheduler recurring
 * tasks on this service's database: whichever replica picks a task row runs it, once per interval, and they survive
 * restarts.
 */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    static final String TASK = "outbound-log-retention";
    static final String PRIVACY_TASK = "privacy-notice-purge";

    @Bean
    PurgingExpiredRecords purgingExpiredRecords(
            JdbcClient jdbc, @Value("${wpfoods.messaging.retention.outbound-log:90d}") Duration retention) {
        return new PurgingExpiredRecords(new JdbcExpiredOutboundLog(jdbc), retention, Clock.systemUTC());
    }

    @Bean
    Scheduler retentionScheduler(
            DataSource dataSource,
            PurgingExpiredRecords purging,
            ObjectProvider<RecurringTask<?>> otherRecurringTasks,
            @Value("${wpfoods.messaging.retention.interval:1h}") Duration interval,
            @Value("${wpfoods.messaging.retention.privacy-notices:10s}") Duration privacyInterval) {
        RecurringTask<Void> task =
                Tasks.recurring(TASK, FixedDelay.of(interval)).execute((instance, context) -> purging.purge());
        RecurringTask<Void> privacy = Tasks.recurring(PRIVACY_TASK, FixedDelay.of(privacyInterval))
                .execute((instance, context) -> purging.purgeSettledPrivacyNotices());
        Duration polling =
                privacyInterval.compareTo(Duration.ofSeconds(5)) < 0 ? privacyInterval : Duration.ofSeconds(5);
        // one scheduler per database (a second one would pick, and not know, these tasks): the re-encryption job too
        List<RecurringTask<?>> tasks =
                new ArrayList<>(otherRecurringTasks.orderedStream().toList());
        tasks.add(task);
        tasks.add(privacy);
        return Scheduler.create(dataSource, List.of())
                .startTasks(tasks)
                .pollingInterval(polling)
                .threads(1)
                .build();
    }

    @Bean
    SmartLifecycle retentionSchedulerLifecycle(Scheduler retentionScheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                retentionScheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                retentionScheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
