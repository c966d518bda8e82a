package co.wpfoods.ai.understanding.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Every setting of ai-service ({@code wpfoods.ai.*}); see the module README for the defaults and meaning. */
@Validated
@ConfigurationProperties("wpfoods.ai")
public record AiProperties(
        @DefaultValue("") String menuSeed,
        @Valid @DefaultValue Cache cache,
        @DefaultValue({"gemini", "openai", "anthropic"}) List<String> cascadeOrder,

        @DefaultValue("1.0") @jakarta.validation.constraints.DecimalMin("0.0")
        double offlineFirstConfidence,

        @Valid @DefaultValue Providers providers,
        @Valid @DefaultValue Transcription transcription,
        @Valid @DefaultValue Kafka kafka) {

    public record Cache(
            @DefaultValue("10000") @Min(0) int maxEntries,
            @DefaultValue("10m") @NotNull Duration ttl) {}

    /** Provider defaults (model, prices, quotas) are set per provider in application.yml. */
    public record Providers(
            @Valid @DefaultValue ProviderProperties gemini,
            @Valid @DefaultValue ProviderProperties openai,
            @Valid @DefaultValue ProviderProperties anthropic) {}

    /**
     * One chat provider. Enabled only when {@code apiKey} is set. Prices are USD per million tokens.
     * {@code breakerMinimumCalls} failures out of the last calls (rate {@code breakerFailureRatePercent}) open the
     * breaker for {@code breakerOpenFor}.
     */
    public record ProviderProperties(
            @DefaultValue("") String apiKey,
            @DefaultValue("") String baseUrl,
            @DefaultValue("") String model,
            @DefaultValue("4s") @NotNull Duration timeout,
            @DefaultValue("1000") @Min(0) long dailyRequests,
            @DefaultValue("1000000") @Min(0) long dailyTokens,
            @DefaultValue("0") @NotNull BigDecimal inputUsdPerMillion,
            @DefaultValue("0") @NotNull BigDecimal outputUsdPerMillion,
            @DefaultValue("512") @Min(1) int maxOutputTokens,
            @DefaultValue("5") @Min(1) int breakerMinimumCalls,
            @DefaultValue("50") @Min(1) int breakerFailureRatePercent,
            @DefaultValue("30s") @NotNull Duration breakerOpenFor) {

        public boolean enabled() {
            return apiKey != null && !apiKey.isBlank();
        }
    }

    /** Groq's OpenAI-compatible Whisper endpoint. Enabled only when {@code apiKey} is set. */
    public record Transcription(
            @DefaultValue("") String apiKey,
            @DefaultValue("https://api.groq.com/openai/v1") String baseUrl,
            @DefaultValue("whisper-large-v3-turbo") String model,
            @DefaultValue("20s") Duration timeout,
            @DefaultValue("16777216") @Min(1) long maxBytes,
            @DefaultValue("0.04") BigDecimal usdPerHour,
            @DefaultValue("") String mediaBaseUrl,
            @DefaultValue("") String mediaToken) {

        public boolean enabled() {
            return apiKey != null && !apiKey.isBlank();
        }
    }

    /** Kafka adapters (menu index feed, voice notes). */
    public record Kafka(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("ai-service") String groupId) {}
}
