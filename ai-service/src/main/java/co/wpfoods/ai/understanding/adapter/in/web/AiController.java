package co.wpfoods.ai.understanding.adapter.in.web;

import co.wpfoods.ai.recommendation.application.RecommendationService;
import co.wpfoods.ai.understanding.adapter.in.web.ApiDtos.CartLine;
import co.wpfoods.ai.understanding.adapter.in.web.ApiDtos.EntitiesBody;
import co.wpfoods.ai.understanding.adapter.in.web.ApiDtos.GenerateRequest;
import co.wpfoods.ai.understanding.adapter.in.web.ApiDtos.GenerateResponse;
import co.wpfoods.ai.understanding.adapter.in.web.ApiDtos.IntentRequest;
import co.wpfoods.ai.understanding.adapter.in.web.ApiDtos.IntentResponse;
import co.wpfoods.ai.understanding.adapter.in.web.ApiDtos.RecommendRequest;
import co.wpfoods.ai.understanding.adapter.in.web.ApiDtos.RecommendResponse;
import co.wpfoods.ai.understanding.adapter.in.web.ApiDtos.TranscribeResponse;
import co.wpfoods.ai.understanding.application.ReplyService;
import co.wpfoods.ai.understanding.application.UnderstandRequest;
import co.wpfoods.ai.understanding.application.UnderstandingService;
import co.wpfoods.ai.understanding.domain.Understanding;
import co.wpfoods.ai.voice.application.TranscriptionService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The synchronous API other services call (with a timeout and a circuit breaker on their side). */
@RestController
@RequestMapping("/api/ai")
@Tag(name = "ai", description = "Understanding, replies, transcription and recommendations")
public class AiController {

    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    private final UnderstandingService understanding;
    private final ReplyService replies;
    private final TranscriptionService transcription;
    private final RecommendationService recommendations;
    private final ReplyService.Messages messages;
    private final Clock clock;

    public AiController(
            UnderstandingService understanding,
            ReplyService replies,
            TranscriptionService transcription,
            RecommendationService recommendations,
            ReplyService.Messages messages,
            Clock clock) {
        this.understanding = understanding;
        this.replies = replies;
        this.transcription = transcription;
        this.recommendations = recommendations;
        this.messages = messages;
        this.clock = clock;
    }

    @Operation(summary = "Intent and entities of a message (items resolved against the live menus)")
    @PostMapping(path = "/intent", consumes = MediaType.APPLICATION_JSON_VALUE)
    public IntentResponse intent(@Valid @RequestBody IntentRequest body) {
        var ctx = body.context();
        LocalTime now =
                ctx != null && ctx.localTime() != null ? ctx.localTime() : LocalTime.now(clock.withZone(BOGOTA));
        List<UnderstandRequest.CartLine> cart = ctx == null || ctx.cart() == null
                ? List.of()
                : ctx.cart().stream()
                        .map((CartLine c) -> new UnderstandRequest.CartLine(c.itemId(), c.name(), c.quantity()))
                        .toList();
        UnderstandRequest request = new UnderstandRequest(
                body.role(),
                body.language(),
                body.text(),
                ctx == null ? null : ctx.restaurantId(),
                ctx == null ? List.of() : ctx.lastMessages(),
                cart,
                now);
        UnderstandingService.Answer a = understanding.understand(request, body.correlationId());
        Understanding u = a.understanding();
        return new IntentResponse(
                u.intent().wireName(),
                u.confidence(),
                EntitiesBody.of(u.entities()),
                u.language(),
                u.engine().wireName(),
                a.latencyMicros() / 1000.0,
                a.menuVersion(),
                a.cached(),
                u.candidates().stream()
                        .map(c -> new ApiDtos.CandidateBody(
                                c.intent().wireName(), Math.round(c.probability() * 1000) / 1000.0))
                        .toList());
    }

    @Operation(summary = "A short reply to a support question, grounded in the order's facts")
    @PostMapping(path = "/generate", consumes = MediaType.APPLICATION_JSON_VALUE)
    public GenerateResponse generate(@Valid @RequestBody GenerateRequest body) {
        ReplyService.Reply r = replies.reply(
                body.question(), body.language(), body.facts() == null ? Map.of() : body.facts(), body.correlationId());
        return new GenerateResponse(r.text(), r.language(), r.engine().wireName(), r.latencyMicros() / 1000.0);
    }

    @Operation(summary = "Text and language of a voice note (OGG/Opus as WhatsApp sends it)")
    @PostMapping(path = "/transcribe", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<TranscribeResponse> transcribe(
            @RequestPart("file") MultipartFile file,
            @RequestParam(name = "language", required = false) String language,
            @RequestParam(name = "correlationId", required = false) String correlationId)
            throws IOException {
        TranscriptionService.Result r =
                transcription.transcribe(file.getBytes(), file.getOriginalFilename(), language, correlationId);
        String lang = language != null && language.startsWith("en") ? "en" : "es";
        HttpStatus status = switch (r.status()) {
            case TRANSCRIBED, UNAVAILABLE -> HttpStatus.OK;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case NOT_AUDIO -> HttpStatus.BAD_REQUEST;
            case FAILED -> HttpStatus.BAD_GATEWAY;
        };
        String userMessage = switch (r.status()) {
            case TRANSCRIBED -> null;
            case TOO_LARGE -> messages.get("voice.too-large", lang, Map.of());
            case NOT_AUDIO -> messages.get("voice.not-audio", lang, Map.of());
            case UNAVAILABLE, FAILED -> messages.get("voice.type-instead", lang, Map.of());
        };
        return ResponseEntity.status(status)
                .body(new TranscribeResponse(
                        r.status().name(), r.text(), r.language(), r.seconds(), userMessage, r.detail()));
    }

    @Operation(summary = "Items to suggest: the customer's favourites, popular near them at this hour, open now")
    @PostMapping(path = "/recommend", consumes = MediaType.APPLICATION_JSON_VALUE)
    public RecommendResponse recommend(@Valid @RequestBody RecommendRequest body) {
        LocalTime now = body.localTime() != null ? body.localTime() : LocalTime.now(clock.withZone(BOGOTA));
        int limit = body.limit() == null ? 5 : body.limit();
        String zone = body.zone() != null
                ? body.zone()
                : body.latitude() != null && body.longitude() != null
                        ? co.wpfoods.ai.recommendation.domain.Geohash.encode(body.latitude(), body.longitude(), 5)
                        : null;
        return new RecommendResponse(recommendations.recommend(
                body.history() == null ? Map.of() : body.history(), zone, now, body.restaurantId(), limit));
    }
}
