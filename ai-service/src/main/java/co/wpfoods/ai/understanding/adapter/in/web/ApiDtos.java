package co.wpfoods.ai.understanding.adapter.in.web;

import co.wpfoods.ai.recommendation.application.RecommendationService;
import co.wpfoods.ai.understanding.application.provider.UsageLedger;
import co.wpfoods.ai.understanding.domain.Address;
import co.wpfoods.ai.understanding.domain.Entities;
import co.wpfoods.ai.understanding.domain.ItemMention;
import co.wpfoods.ai.understanding.domain.Role;
import co.wpfoods.ai.understanding.domain.TimeRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/** Request and response bodies of the REST API. */
public final class ApiDtos {

    private ApiDtos() {}

    @Schema(description = "A message to understand")
    public record IntentRequest(
            @NotNull @Schema(description = "who wrote it", example = "CUSTOMER")
            Role role,

            @Size(max = 8)
            @Pattern(regexp = "^(es|en)(-[A-Za-z]{2})?$", message = "must be es, en, es-CO or en-US")
            @Schema(description = "language hint", example = "es-CO")
            String language,

            @NotBlank @Size(max = 4000) @Schema(example = "kiero 2 hamburgesas sin cebolla pa la 85 con 11")
            String text,

            @Valid Context context,

            @Size(max = 128) @Schema(description = "order or conversation id, for the cost ledger")
            String correlationId) {}

    public record Context(
            @Size(max = 20) List<@Size(max = 2000) String> lastMessages,
            @Size(max = 100) List<@Valid CartLine> cart,

            @Size(max = 64) @Schema(description = "restaurant in focus", example = "r-brasa")
            String restaurantId,

            @Schema(description = "local time in Bogotá, to read 'para las 8'", example = "18:30")
            LocalTime localTime) {}

    public record CartLine(
            @NotBlank @Size(max = 64) String itemId,
            @Size(max = 200) String name,
            @Min(1) @Max(99) int quantity) {}

    public record IntentResponse(
            @Schema(example = "add_to_cart") String intent,
            double confidence,
            EntitiesBody entities,
            @Schema(example = "es") String language,

            @Schema(description = "offline, gemini, openai or anthropic")
            String engine,

            double latencyMs,
            String menuVersion,
            boolean cached,

            @Schema(
                    description =
                            "offline engine: the best intents with calibrated probabilities, best first (also when"
                                    + " the intent is unknown because the engine abstained); empty for provider answers")
            List<CandidateBody> candidates) {}

    public record CandidateBody(
            @Schema(example = "add_to_cart") String intent, double probability) {}

    public record EntitiesBody(
            List<ItemMention> items,
            String restaurantId,
            AddressBody address,
            TimeRequest time,
            String paymentMethod,
            String pin,
            String orderReference,
            Long priceCop,

            @Schema(
                    description =
                            "the line picked from our last numbered list (1-based, -1 = the last), when the message"
                                    + " was a short reply to it (\"1\", \"el segundo\")")
            Integer choice,

            @Schema(description = "the number given to our last \"how many?\" question, when the message was one")
            Integer quantity) {

        static EntitiesBody of(Entities e) {
            return new EntitiesBody(
                    e.items(),
                    e.restaurantId(),
                    e.address() == null ? null : AddressBody.of(e.address()),
                    e.time(),
                    e.paymentMethod() == null ? null : e.paymentMethod().name(),
                    e.pin(),
                    e.orderReference(),
                    e.priceCop(),
                    e.choice(),
                    e.quantity());
        }
    }

    public record AddressBody(
            String viaType,
            String viaNumber,
            String crossNumber,
            String plate,
            String zone,
            String complement,
            String raw,
            String normalized) {
        static AddressBody of(Address a) {
            return new AddressBody(
                    a.viaType() == null ? null : a.viaType().name(),
                    a.viaNumber(),
                    a.crossNumber(),
                    a.plate(),
                    a.zone(),
                    a.complement(),
                    a.raw(),
                    a.normalized());
        }
    }

    public record GenerateRequest(
            @NotBlank @Size(max = 2000) @Schema(example = "¿ya viene mi pedido?")
            String question,

            @Size(max = 8) @Pattern(regexp = "^(es|en)(-[A-Za-z]{2})?$", message = "must be es, en, es-CO or en-US")
            String language,

            @Size(max = 30)
            @Schema(
                    description = "the order's facts; the reply states no number that is not here",
                    example = "{\"orderId\": \"A7K2\", \"status\": \"en camino\", \"etaMinutes\": \"12\"}")
            Map<@Size(max = 64) String, @Size(max = 500) String> facts,

            @Size(max = 128) String correlationId) {}

    public record GenerateResponse(String reply, String language, String engine, double latencyMs) {}

    public record TranscribeResponse(
            @Schema(
                    description =
                            "TRANSCRIBED, UNAVAILABLE (no provider: ask the person to type), TOO_LARGE, NOT_AUDIO, FAILED")
            String status,

            String text,
            String language,
            Double seconds,

            @Schema(description = "what to tell the person when there is no text")
            String userMessage,

            String detail) {}

    public record RecommendRequest(
            @Size(max = 64) String customerId,

            @Size(max = 200) @Schema(description = "item id → times ordered")
            Map<@Size(max = 64) String, @Min(1) Integer> history,

            @Size(max = 64)
            @Schema(
                    description = "geohash of the delivery zone (5 characters), or give latitude/longitude",
                    example = "d2g6d")
            String zone,

            @jakarta.validation.constraints.DecimalMin("-90") @jakarta.validation.constraints.DecimalMax("90")
            Double latitude,

            @jakarta.validation.constraints.DecimalMin("-180") @jakarta.validation.constraints.DecimalMax("180")
            Double longitude,

            @Schema(example = "19:30") LocalTime localTime,
            @Size(max = 64) String restaurantId,
            @Min(1) @Max(20) Integer limit) {}

    public record RecommendResponse(List<RecommendationService.Suggestion> items) {}

    public record UsageSummary(
            Instant since,
            List<UsageLedger.Summary> calls,
            BigDecimal totalCostUsd,
            long messages,
            long correlations,
            BigDecimal costPer1000MessagesUsd,
            BigDecimal costPerCorrelationUsd) {}
}
