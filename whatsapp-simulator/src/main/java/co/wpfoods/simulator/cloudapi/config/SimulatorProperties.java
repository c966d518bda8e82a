package co.wpfoods.simulator.cloudapi.config;

import co.wpfoods.simulator.cloudapi.domain.TemplateDefinition;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Everything the simulator can be told; each property is listed in the module README. */
@Validated
@ConfigurationProperties("simulator")
public record SimulatorProperties(
        @DefaultValue("v23.0") @Pattern(regexp = "v\\d+\\.\\d+")
        String graphApiVersion,

        @DefaultValue("wpfoods-local-access-token") @NotBlank
        String accessToken,

        @DefaultValue("106540352242922") @Pattern(regexp = "\\d+")
        String phoneNumberId,

        @DefaultValue("573150000000") @Pattern(regexp = "\\d{7,15}")
        String displayPhoneNumber,

        @DefaultValue("102290129340398") @Pattern(regexp = "\\d+")
        String wabaId,

        @DefaultValue("WPFoods") @NotBlank String businessName,
        @DefaultValue("true") boolean phoneNumberRegistered,
        @DefaultValue("") String publicBaseUrl,
        @Valid @NotNull @DefaultValue Webhook webhook,
        @Valid @NotNull @DefaultValue Statuses statuses,
        @Valid @NotNull @DefaultValue Enforcement enforcement,
        @Valid @NotNull @DefaultValue Injection injection,
        @Valid @NotNull @DefaultValue GraphFaults graphFaults,
        @Valid @NotNull @DefaultValue Media media,
        @Valid List<Template> templates) {

    public SimulatorProperties {
        templates = templates == null ? List.of() : List.copyOf(templates);
    }

    public record Webhook(
            @DefaultValue("http://localhost:8080/webhooks/whatsapp") @NotBlank
            String url,

            @DefaultValue("wpfoods-local-app-secret") @NotBlank
            String appSecret,

            @DefaultValue("wpfoods-local-verify-token") @NotBlank
            String verifyToken,

            @DefaultValue("false") boolean verifyOnStart,
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("5s") Duration requestTimeout,
            @DefaultValue("250ms") Duration initialBackoff,
            @DefaultValue("2.0") @DecimalMin("1.0") double backoffMultiplier,
            @DefaultValue("30s") Duration maxBackoff,
            @DefaultValue("12") @Min(1) int maxAttempts,
            @DefaultValue("4") @Min(1) int concurrency) {}

    public record Statuses(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("50ms") Duration sentDelay,
            @DefaultValue("200ms") Duration deliveredDelay,
            @DefaultValue("600ms") Duration readDelay,
            @DefaultValue("false") boolean skipDelivered,
            @DefaultValue("true") boolean autoRead,
            @DefaultValue("true") boolean autoPlay) {}

    public record Enforcement(
            @DefaultValue("false") boolean throughput,
            @DefaultValue("80") @Min(1) int messagesPerSecond,
            @DefaultValue("false") boolean pairLimit,
            @DefaultValue("45") @Min(1) int pairBurst,
            @DefaultValue("6s") Duration pairInterval,
            @DefaultValue("true") boolean window,
            @DefaultValue("24h") Duration windowLength,
            List<@Pattern(regexp = "\\d{7,15}") String> notOnWhatsapp) {

        public Enforcement {
            notOnWhatsapp = notOnWhatsapp == null ? List.of() : List.copyOf(notOnWhatsapp);
        }
    }

    /** Faults of the Graph API side, each a probability per send (see {@code SimulatorSettings.GraphFaults}). */
    public record GraphFaults(
            @DefaultValue("0.0") @DecimalMin("0.0") @DecimalMax("1.0")
            double serverErrorProbability,

            @DefaultValue("0.0") @DecimalMin("0.0") @DecimalMax("1.0")
            double throughputErrorProbability,

            @DefaultValue("0.0") @DecimalMin("0.0") @DecimalMax("1.0")
            double slowProbability,

            @DefaultValue("4s") Duration slowDelay,

            @DefaultValue("0.0") @DecimalMin("0.0") @DecimalMax("1.0")
            double noAnswerProbability,

            @DefaultValue("120s") Duration noAnswerHold) {}

    public record Injection(
            @DefaultValue("0.0") @DecimalMin("0.0") @DecimalMax("1.0")
            double duplicateProbability,

            @DefaultValue("0ms") Duration maxExtraDelay) {}

    public record Media(
            @DefaultValue("5m") Duration urlTtl,
            @DefaultValue("30d") Duration uploadTtl) {}

    /** An approved template; {@code {{1}}} or {@code {{name}}} placeholders define its parameters. */
    public record Template(
            @NotBlank String name,
            @NotBlank String language,
            @DefaultValue("UTILITY") String category,
            @DefaultValue("NONE") TemplateDefinition.HeaderFormat headerFormat,
            String headerText,
            @NotBlank String bodyText,
            String footerText,
            List<TemplateDefinition.Button> buttons) {

        public TemplateDefinition toDefinition() {
            return new TemplateDefinition(
                    name, language, category, headerFormat, headerText, bodyText, footerText, buttons);
        }
    }
}
