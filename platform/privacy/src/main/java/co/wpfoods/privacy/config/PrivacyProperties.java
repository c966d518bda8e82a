package co.wpfoods.privacy.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code wpfoods.privacy.*}: how the kit runs in one service. A service usually sets these in its own
 * {@code application.properties}/{@code .yml} from the property names its README documents, e.g.
 * {@code wpfoods.privacy.retention.period=${wpfoods.webhook.retention.archive:90d}}.
 *
 * @param erasureListener whether the {@code privacy.erasure.v1} listener runs
 * @param scheduler the kit's own db-scheduler, for a service that has none
 * @param retention the retention task (with an {@code ExpiredRecords} bean)
 * @param reEncryption the re-encryption task (with an {@code EncryptedColumns} bean)
 */
@ConfigurationProperties("wpfoods.privacy")
public record PrivacyProperties(
        @DefaultValue Listener erasureListener,
        @DefaultValue Scheduler scheduler,
        @DefaultValue Retention retention,
        @DefaultValue ReEncryption reEncryption) {

    /** @param enabled false for a service run without Kafka listeners (ai-service: {@code wpfoods.ai.kafka.enabled}) */
    public record Listener(@DefaultValue("true") boolean enabled) {}

    /**
     * @param enabled true in a service with no db-scheduler of its own: the kit's one then starts every
     *     {@code RecurringTask} bean on the service's database (one scheduler per database)
     * @param pollingInterval how often it looks for due tasks
     */
    public record Scheduler(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("10s") Duration pollingInterval) {}

    /**
     * @param taskName the db-scheduler task name (kept in {@code scheduled_tasks}: never renamed once deployed)
     * @param period how long records are kept
     * @param interval how often the task runs
     */
    public record Retention(
            String taskName,
            @DefaultValue("90d") Duration period,
            @DefaultValue("1h") Duration interval) {}

    /**
     * @param interval how often {@code personal-data-re-encryption} runs
     * @param batchSize rows per batch
     */
    public record ReEncryption(
            @DefaultValue("1d") Duration interval,
            @DefaultValue("500") int batchSize) {}
}
