package co.wpfoods.dispatch.delivery.config;

import co.wpfoods.dispatch.delivery.application.DispatchSettings;
import co.wpfoods.dispatch.delivery.domain.EarningsPolicy;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code wpfoods.dispatch.*}: matching, offers, the no-worker policy, the conversation and earnings. */
@Validated
@ConfigurationProperties("wpfoods.dispatch")
public record DispatchProperties(
        @DefaultValue("10s") Duration batchWindow,
        @DefaultValue("45s") Duration offerTtl,
        @DefaultValue("12") int candidatesPerOrder,
        @DefaultValue("4.0") double latePenaltyMetersPerSecond,
        @DefaultValue("1") int maxActiveDeliveries,
        @DefaultValue("10m") Duration locationStaleAfter,
        @DefaultValue("1m") Duration locationCheckInterval,
        @DefaultValue("5m") Duration delayedAfter,
        @DefaultValue("20m") Duration failAfter,
        @DefaultValue("CANCEL") DispatchSettings.NoWorkerPolicy noWorkerPolicy,
        @DefaultValue("3") int maxPinAttempts,
        @DefaultValue("50") int locationHistoryPerDelivery,
        @DefaultValue("500ms") Duration schedulerPollingInterval,
        @DefaultValue("oferta_pedido") String offerTemplate,
        @DefaultValue("bienvenida_rapitendero") String welcomeTemplate,
        @DefaultValue Ai ai,
        @DefaultValue Earnings earnings) {

    /**
     * ai-service's intent API. {@code warmUp}: once the service is ready, one call through the same HTTP client (limit
     * {@code warmUpTimeout}, retried until {@code warmUpWithin} while ai-service does not answer), outside the breaker,
     * so the first worker who types does not pay for a cold client.
     */
    public record Ai(
            @DefaultValue("http://localhost:8085") String baseUrl,
            @DefaultValue("300ms") Duration timeout,
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10") int slidingWindow,
            @DefaultValue("30s") Duration openFor,
            /* the service token ai-service requires; WPFOODS_DISPATCH_AI_BEARERTOKEN in a deployment */
            String bearerToken,
            @DefaultValue("true") boolean warmUp,
            @DefaultValue("5s") Duration warmUpTimeout,
            @DefaultValue("2m") Duration warmUpWithin) {}

    /** The settings the use cases get. */
    public DispatchSettings settings() {
        return new DispatchSettings(
                offerTtl,
                candidatesPerOrder,
                latePenaltyMetersPerSecond,
                maxActiveDeliveries,
                locationStaleAfter,
                delayedAfter,
                failAfter,
                noWorkerPolicy,
                maxPinAttempts,
                locationHistoryPerDelivery,
                offerTemplate,
                welcomeTemplate,
                earnings.policy());
    }

    public record Earnings(
            @DefaultValue("3500") long baseCop,
            @DefaultValue("900") long perKmCop,
            @DefaultValue("250") long gasPerKmCop,
            @DefaultValue("1500") long peakBonusCop,
            @DefaultValue("1000") long rainBonusCop,
            @DefaultValue({"11:30-14:00", "18:30-21:00"}) List<String> peaks,
            @DefaultValue("America/Bogota") ZoneId timeZone) {

        public EarningsPolicy policy() {
            return new EarningsPolicy(
                    baseCop,
                    perKmCop,
                    gasPerKmCop,
                    peakBonusCop,
                    rainBonusCop,
                    peaks.stream().map(EarningsPolicy.PeakWindow::parse).toList(),
                    timeZone);
        }
    }
}
