package co.wpfoods.webhook.receiving.config;

import co.wpfoods.schemas.wa.InboundMessageType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything webhook-service can be told, under {@code wpfoods.webhook} (every property is in the README).
 *
 * @param ackTimeout longest time a POST waits for Kafka (and for a concurrent duplicate's lock) before 503
 */
@Validated
@ConfigurationProperties("wpfoods.webhook")
public record WebhookProperties(
        @NotNull @DefaultValue("5s") Duration ackTimeout,
        @Valid @NotNull @DefaultValue Routing routing,
        @Valid @NotNull @DefaultValue Limits limits,
        @Valid @NotNull @DefaultValue Retention retention,
        @Valid @NotNull @DefaultValue Batch batch) {

    /** Message types published to {@code wa.inbound.media.v1} instead of the role topic. */
    public record Routing(@NotNull @DefaultValue("AUDIO") Set<InboundMessageType> mediaNeedingWork) {}

    /** Per-user inbound limits (product document) and the language of the over-limit notice. */
    public record Limits(
            @DefaultValue("true") boolean enabled,
            @Min(1) @DefaultValue("60") int perMinute,
            @Min(1) @DefaultValue("300") int perHour,
            @Min(1) @DefaultValue("1000") int perDay,
            @NotBlank @DefaultValue("es-CO") String noticeLocale) {}

    /**
     * Group commit: POSTs that arrive together are received in one transaction and one round of Kafka sends.
     *
     * @param workers batches handled at the same time; each holds a database connection while Kafka acknowledges
     * @param maxSize most POSTs in one batch
     */
    public record Batch(
            @Min(1) @DefaultValue("2") int workers,
            @Min(1) @DefaultValue("64") int maxSize) {}

    /** How long the ledger, the raw archive and the usage windows are kept, and how often they are swept. */
    public record Retention(
            @NotNull @DefaultValue("8d") Duration dedup,
            @NotNull @DefaultValue("90d") Duration archive,
            @NotNull @DefaultValue("2d") Duration usage,
            @NotNull @DefaultValue("1h") Duration sweepInterval) {}
}
