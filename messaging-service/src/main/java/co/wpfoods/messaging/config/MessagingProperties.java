package co.wpfoods.messaging.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Everything messaging-service can be told ({@code wpfoods.messaging.*}); every property is in the README. */
@Validated
@ConfigurationProperties("wpfoods.messaging")
public record MessagingProperties(
        @Valid @DefaultValue Graph graph,
        @Valid @DefaultValue Throughput throughput,
        @Valid @DefaultValue Pair pair,
        @Valid @DefaultValue Retry retry,
        @Valid @DefaultValue Window window,
        @Valid @DefaultValue Sender sender,
        @Valid @DefaultValue Breaker breaker) {

    /**
     * The Graph API. Defaults work offline against a local stand-in; the token comes from the environment
     * ({@code WPFOODS_MESSAGING_GRAPH_ACCESS_TOKEN}) or a file that is re-read, so a rotated token is picked up.
     */
    public record Graph(
            @NotBlank @DefaultValue("http://localhost:8089") String baseUrl,
            @NotBlank @DefaultValue("v23.0") String apiVersion,
            @NotBlank @DefaultValue("106540352242922") String phoneNumberId,
            @DefaultValue("local-dev-token") String accessToken,
            Path accessTokenFile,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("20s") Duration requestTimeout) {}

    /**
     * The business number's throughput (reference §6.3), shared by every replica through one send schedule in the
     * database. {@code burst}: sends that may go back to back after a quiet spell (1 = none, strict pacing).
     * {@code reservationHorizon}: how far ahead a replica reserves send slots (covers a database round trip).
     * {@code lateSlotTolerance}: a send that wakes up later than this (or one slot interval, if longer) after its
     * slot takes a fresh slot instead of bunching with later sends. {@code jitterAllowance}: slots are spaced so that
     * {@code messagesPerSecond} consecutive sends span 1 s plus this, so sends reaching Meta up to this much late
     * (relative to each other) still never put more than the rate into any 1-second window; the rate used is
     * {@code messagesPerSecond / (1 + jitterAllowance/1 s)}. Keep it above {@code lateSlotTolerance}.
     * {@code reservationLead}: no slot starts sooner than this after the database's now, so a slot is still ahead when
     * its reservation comes back.
     */
    public record Throughput(
            @DecimalMin("0.1") @DecimalMax("1000") @DefaultValue("80")
            double messagesPerSecond,

            @Min(1) @Max(1000) @DefaultValue("1") int burst,
            @DefaultValue("50ms") Duration reservationHorizon,
            @DefaultValue("5ms") Duration lateSlotTolerance,
            @DefaultValue("15ms") Duration jitterAllowance,
            @DefaultValue("3ms") Duration reservationLead) {}

    /** Meta's pair limit per recipient (reference §6.4): burst, sustained refill, and 4^X backoff on 131056. */
    public record Pair(
            @Min(1) @DefaultValue("45") int burst,
            @DefaultValue("6s") Duration refillPeriod,
            @DefaultValue("1s") Duration backoffUnit,
            @Min(2) @DefaultValue("4") int backoffBase,
            @DefaultValue("17m") Duration maxBackoff) {}

    /** Retries of transient failures: exponential with jitter (1 s, 2 s, 4 s … capped), then dead-letter. */
    public record Retry(
            @DefaultValue("1s") Duration initialInterval,
            @DecimalMin("1.0") @DefaultValue("2.0") double multiplier,

            @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.5")
            double jitter,

            @DefaultValue("60s") Duration maxInterval,
            @Min(1) @DefaultValue("10") int maxAttempts,
            @Min(1) @DefaultValue("3") int unknownErrorMaxAttempts,
            @DefaultValue("60s") Duration maintenancePause) {}

    /**
     * The customer-service window. {@code grace}: a command that finds the window closed waits this long after it was
     * queued before falling back, in case the user's message that opened the window is still on its way to us.
     */
    public record Window(
            @DefaultValue("24h") Duration length,
            @DefaultValue("10m") Duration safetyMargin,
            @DefaultValue("5s") Duration grace) {}

    /**
     * The sending loop. {@code unansweredGrace}: how long a send whose request left us but whose answer never came
     * waits for a status webhook carrying its command id before it is sent again; a send a stopped replica left in
     * flight waits as long from when it is found (see the README for the measurement and the trade-off).
     */
    public record Sender(
            @DefaultValue("true") boolean enabled,
            String instanceId,
            @Min(1) @DefaultValue("256") int maxInFlight,
            @Min(1) @DefaultValue("128") int claimBatch,
            @DefaultValue("100ms") Duration pollInterval,
            @DefaultValue("60s") Duration lease,
            @DefaultValue("30s") Duration tokenProbeInterval,
            @DefaultValue("15s") Duration unansweredGrace,
            @DefaultValue("5s") Duration gaugeRefreshInterval) {}

    /** Circuit breaker around the Graph API (resilience4j). */
    public record Breaker(
            @DecimalMin("1") @DecimalMax("100") @DefaultValue("50")
            float failureRateThreshold,

            @Min(1) @DefaultValue("20") int minimumCalls,
            @Min(1) @DefaultValue("50") int slidingWindow,
            @DefaultValue("10s") Duration waitInOpen) {}
}
