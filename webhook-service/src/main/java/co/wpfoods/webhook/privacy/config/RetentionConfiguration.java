package co.wpfoods.webhook.privacy.config;

import co.wpfoods.webhook.privacy.adapter.out.db.JdbcExpiredArchives;
import co.wpfoods.webhook.privacy.application.PurgingExpiredRecords;
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
 * The retention job (Ley 1581 and the product document: 90 days) as a db-scheduler recurring task on this service's
 * database: whichever replica picks the task row runs it, once per interval, and it survives restarts.
 */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    static final String TASK = "webhook-archive-retention";

    @Bean
    PurgingExpiredRecords purgingExpiredRecords(
            JdbcClient jdbc, @Value("${wpfoods.webhook.retention.archive:90d}") Duration retention) {
        return new PurgingExpiredRecords(new JdbcExpiredArchives(jdbc), retention, Clock.systemUTC());
    }

    @Bean
    Scheduler retentionScheduler(
            DataSource dataSource,
            PurgingExpiredRecords purging,
            ObjectProvider<RecurringTask<?>> otherRecurringTasks,
            @Value("${wpfoods.webhook.retention.sweep-interval:1h}") Duration interval) {
        RecurringTask<Void> task =
                Tasks.recurring(TASK, FixedDelay.of(interval)).execute((instance, context) -> purging.purge());
        // one scheduler per database (a second one would pick, and not know, these tasks): the re-encryption job too
        List<RecurringTask<?>> tasks =
                new ArrayList<>(otherRecurringTasks.orderedStream().toList());
        tasks.add(task);
        return Scheduler.create(dataSource, List.of())
                .startTasks(tasks)
                .pollingInterval(Duration.ofSeconds(10))
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
