package co.wpfoods.messaging.sending.config;

import co.wpfoods.messaging.sending.application.SendingSettings;
import co.wpfoods.messaging.sending.application.SendingSettings.Pair;
import co.wpfoods.messaging.sending.application.SendingSettings.Retry;
import co.wpfoods.messaging.sending.application.SendingSettings.Sender;
import co.wpfoods.messaging.sending.application.SendingSettings.Window;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.LoggerFactory;
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
            @DefaultValue("20s") Duration requestTimeout) {

        /** {@code {base-url}/{api-version}/{phone-number-id}}: messages and media are posted under it. */
        public URI phoneNumberUri() {
            return URI.create(baseUrl.replaceAll("/+$", "") + "/" + apiVersion + "/" + phoneNumberId);
        }

        /** The token file (if configured) is read on every call, so a rotated token is used at once. */
        public String token() {
            if (accessTokenFile != null) {
                try {
                    return Files.readString(accessTokenFile).strip();
                } catch (IOException e) {
                    LoggerFactory.getLogger(MessagingProperties.class)
                            .warn("Cannot read the access token file; using the configured token");
                }
            }
            return accessToken == null ? "" : accessToken;
        }
    }

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

    /** Circuit breaker around the Graph API (resilience4j). */
    public record Breaker(
            @DecimalMin("1") @DecimalMax("100") @DefaultValue("50")
            float failureRateThreshold,

            @Min(1) @DefaultValue("20") int minimumCalls,
            @Min(1) @DefaultValue("50") int slidingWindow,
            @DefaultValue("10s") Duration waitInOpen) {}

    /** What the sending loop needs of these properties. */
    public SendingSettings sending() {
        return new SendingSettings(pair, retry, window, sender, breaker.waitInOpen());
    }
}
