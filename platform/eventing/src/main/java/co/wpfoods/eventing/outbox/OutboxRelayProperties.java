package co.wpfoods.eventing.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the outbox relay ({@code wpfoods.outbox.*}).
 *
 * @param enabled start the relay with the application
 * @param name a short name (default: {@code spring.application.name}) unique per service and database; names the replication slot, the publication and the
 *     Debezium offsets row (e.g. {@code order})
 * @param pollInterval how often the engine hands over what it has read
 * @param maxBatchSize most records handed over at once
 * @param offsetFlushInterval how often offsets are written to the database (0 = after every batch); a crash
 *     republishes what was read since the last flush
 * @param heartbeatInterval how often the relay writes a heartbeat so the slot advances on a quiet database
 * @param sendTimeout how long to wait for Kafka to acknowledge a batch before retrying it
 * @param retryBackoff first wait before retrying a batch Kafka did not take (doubles, capped at 30 s)
 * @param sweepAfter published rows are deleted at once; rows older than this are deleted by a sweep (a crash
 *     between publish and delete leaves them) — only while the relay runs without failing
 * @param maxPayloadBytes largest event value {@link OutboxWriter} accepts (Kafka's default record limit is 1 MiB)
 * @param failuresBeforeDown consecutive batches Kafka refused before health reports the relay DOWN
 * @param dropSlotOnStop drop the replication slot when the relay stops (tests; never in production, where the slot
 *     is what keeps unpublished changes)
 */
@ConfigurationProperties("wpfoods.outbox")
public record OutboxRelayProperties(
        @DefaultValue("true") boolean enabled,
        String name,
        @DefaultValue("10ms") Duration pollInterval,
        @DefaultValue("2048") int maxBatchSize,
        @DefaultValue("1s") Duration offsetFlushInterval,
        @DefaultValue("10s") Duration heartbeatInterval,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("200ms") Duration retryBackoff,
        @DefaultValue("1h") Duration sweepAfter,
        @DefaultValue("900000") int maxPayloadBytes,
        @DefaultValue("5") int failuresBeforeDown,
        @DefaultValue("false") boolean dropSlotOnStop) {

    /** {@code name} (or {@code fallback} when unset) as a PostgreSQL identifier fragment. */
    public String identifier(String fallback) {
        String base = name == null || name.isBlank() ? fallback : name;
        return base.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }
}
