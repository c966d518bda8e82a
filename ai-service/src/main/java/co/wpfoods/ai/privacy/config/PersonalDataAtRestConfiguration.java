package co.wpfoods.ai.privacy.config;

import co.wpfoods.ai.privacy.adapter.out.db.V3__Encrypt_personal_data;
import co.wpfoods.ai.privacy.application.PersonalDataColumns;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.security.crypto.ReEncryptingColumns;
import co.wpfoods.security.crypto.ReEncryptionJob;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Personal data at rest (Ley 1581): the migration that encrypted the voice notes and hashed the numbers and correlation
 * ids, and the re-encryption job, a db-scheduler recurring task ({@code personal-data-re-encryption}) on this service's
 * own database ({@code scheduled_tasks}, V2): whichever replica picks the task row runs it, once per interval. It is the
 * service's only scheduler. Needs {@code wpfoods.security.keys.personal-data} and {@code wpfoods.security.keys.lookup}:
 * without them the service does not start.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataAtRestConfiguration {

    static final String TASK = "personal-data-re-encryption";

    @Bean
    V3__Encrypt_personal_data encryptPersonalDataMigration(PersonalDataCipher cipher, LookupHash lookupHash) {
        return new V3__Encrypt_personal_data(cipher, lookupHash);
    }

    @Bean
    ReEncryptingColumns reEncryptingPersonalData(
            JdbcClient jdbc,
            PersonalDataCipher cipher,
            @Value("${wpfoods.ai.personal-data.re-encryption.batch-size:200}") int batchSize) {
        return new ReEncryptingColumns(new ReEncryptionJob(jdbc, cipher), PersonalDataColumns.ALL, batchSize);
    }

    @Bean
    Scheduler personalDataScheduler(
            DataSource dataSource,
            ReEncryptingColumns reEncrypting,
            @Value("${wpfoods.ai.personal-data.re-encryption.interval:1d}") Duration interval) {
        RecurringTask<Void> task =
                Tasks.recurring(TASK, FixedDelay.of(interval)).execute((instance, context) -> reEncrypting.run());
        return Scheduler.create(dataSource, List.of())
                .startTasks(List.of(task))
                .pollingInterval(Duration.ofSeconds(10))
                .threads(1)
                .build();
    }

    @Bean
    SmartLifecycle personalDataSchedulerLifecycle(Scheduler personalDataScheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                personalDataScheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                personalDataScheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
