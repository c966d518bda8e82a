package co.wpfoods.privacy.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;

/**
 * One db-scheduler on the service's database ({@code scheduled_tasks}, which the service's own Flyway migration
 * creates) for a service that has no scheduler of its own ({@code wpfoods.privacy.scheduler.enabled=true}): it starts
 * every {@code RecurringTask} bean — the kit's retention and re-encryption tasks and any of the service's. A second
 * scheduler on the same table would pick, and not know, the other's tasks, so a service that has one (order, dispatch,
 * payment) leaves this off and starts the kit's tasks with its own.
 */
@AutoConfiguration(after = {RetentionAutoConfiguration.class, PersonalDataAtRestAutoConfiguration.class})
@ConditionalOnProperty(name = "wpfoods.privacy.scheduler.enabled", havingValue = "true")
@EnableConfigurationProperties(PrivacyProperties.class)
public class PrivacySchedulerAutoConfiguration {

    @Bean
    Scheduler privacyScheduler(
            DataSource dataSource, ObjectProvider<RecurringTask<?>> recurringTasks, PrivacyProperties properties) {
        return Scheduler.create(dataSource, List.of())
                .startTasks(recurringTasks.orderedStream().toList())
                .pollingInterval(properties.scheduler().pollingInterval())
                .threads(1)
                .build();
    }

    @Bean
    SmartLifecycle privacySchedulerLifecycle(Scheduler privacyScheduler) {
        return new SchedulerLifecycle(privacyScheduler);
    }

    /** Starts the scheduler with the context and stops it first on shutdown (running tasks finish). */
    static final class SchedulerLifecycle implements SmartLifecycle {

        private final Scheduler scheduler;
        private volatile boolean running;

        SchedulerLifecycle(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public void start() {
            scheduler.start();
            running = true;
        }

        @Override
        public void stop() {
            scheduler.stop();
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }
}
