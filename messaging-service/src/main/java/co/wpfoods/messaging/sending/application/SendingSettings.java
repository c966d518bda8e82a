package co.wpfoods.messaging.sending.application;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the sending loop, bound from {@code wpfoods.messaging.{pair,retry,window,sender}} (every property is
 * in the README) and the circuit breaker's open time, which the loop waits a tenth of before trying again.
 */
public record SendingSettings(Pair pair, Retry retry, Window window, Sender sender, Duration breakerWaitInOpen) {

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
}
