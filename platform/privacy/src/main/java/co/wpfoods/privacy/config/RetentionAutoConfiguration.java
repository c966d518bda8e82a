package co.wpfoods.privacy.config;

import co.wpfoods.privacy.application.ExpiredRecords;
import co.wpfoods.privacy.application.PurgingExpiredRecords;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The retention job, on in every service that declares its {@link ExpiredRecords}: a db-scheduler recurring task named
 * {@code wpfoods.privacy.retention.task-name}, every {@code wpfoods.privacy.retention.interval}, deleting what is older
 * than {@code wpfoods.privacy.retention.period}. Whichever replica picks the task row runs it; it survives restarts.
 */
@AutoConfiguration
@ConditionalOnBean(ExpiredRecords.class)
@EnableConfigurationProperties(PrivacyProperties.class)
public class RetentionAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PurgingExpiredRecords purgingExpiredRecords(ExpiredRecords records, PrivacyProperties properties) {
        return new PurgingExpiredRecords(records, properties.retention().period(), Clock.systemUTC());
    }

    @Bean
    RecurringTask<Void> privacyRetentionTask(PurgingExpiredRecords purging, PrivacyProperties properties) {
        String name = properties.retention().taskName();
        if (name == null || name.isBlank()) {
            throw new IllegalStateException(
                    "wpfoods.privacy.retention.task-name is required with an ExpiredRecords bean"
                            + " (the db-scheduler task name in scheduled_tasks, e.g. outbound-log-retention)");
        }
        return Tasks.recurring(name, FixedDelay.of(properties.retention().interval()))
                .execute((instance, context) -> purging.purge());
    }
}
