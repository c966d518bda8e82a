package co.wpfoods.simulator.cloudapi.adapter.in.web;

import co.wpfoods.simulator.cloudapi.application.BusinessMessaging;
import co.wpfoods.simulator.cloudapi.application.BusinessMessaging.Accepted;
import co.wpfoods.simulator.cloudapi.application.BusinessMessaging.Success;
import co.wpfoods.simulator.cloudapi.application.GraphRequestLog;
import co.wpfoods.simulator.cloudapi.application.MediaStore;
import co.wpfoods.simulator.cloudapi.application.TimingFeed;
import co.wpfoods.simulator.cloudapi.domain.GraphApiException;
import co.wpfoods.simulator.cloudapi.domain.GraphError;
import co.wpfoods.simulator.cloudapi.domain.MediaKind;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Meta's Graph API as WPFoods uses it: messages, media upload, media metadata and download (§5, §6.8). */
@RestController
public class GraphApiController {

    private static final String VERSION = "/{version:v\\d+\\.\\d+}";

    private final BusinessMessaging messaging;
    private final MediaStore media;
    private final JsonMapper mapper;
    private final WebSettings settings;
    private final GraphRequestLog requestLog;
    private final TimingFeed timings;

    GraphApiController(
            BusinessMessaging messaging,
            MediaStore media,
            JsonMapper mapper,
            WebSettings settings,
            GraphRequestLog requestLog,
            TimingFeed timings) {
        this.requestLog = requestLog;
        this.timings = timings;
        this.messaging = messaging;
        this.media = media;
        this.mapper = mapper;
        this.settings = settings;
    }

    /**
     * An injected slow or lost answer ({@code answerAfter}) is held back without holding a request thread: the message
     * is already accepted and its statuses are on their way, as at Meta when the answer is slow or never arrives. Every
     * request is recorded first, with its headers (see {@link GraphRequestLog}); an accepted message is announced on the
     * {@link TimingFeed} with the millisecond its request arrived.
     */
    @PostMapping(VERSION + "/{phoneNumberId}/messages")
    CompletableFuture<Map<String, Object>> send(
            @PathVariable String version,
            @PathVariable String phoneNumberId,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader Map<String, String> headers,
            @RequestBody(required = false) byte[] body) {
        var request = requestLog.record(
                "POST",
                "/" + version + "/" + phoneNumberId + "/messages",
                headers,
                body == null ? null : new String(body, java.nio.charset.StandardCharsets.UTF_8));
        messaging.authorize(authorization);
        JsonNode json = parse(body);
        var outcome = messaging.send(authorization, phoneNumberId, json);
        if (outcome instanceof Accepted accepted && timings.subscribers() > 0) {
            timings.publish(new TimingFeed.ReplyAccepted(
                    accepted.messageId(), accepted.waId(), request.receivedAtMs(), request.body()));
        }
        return switch (outcome) {
            case Success success -> CompletableFuture.completedFuture(Map.of("success", true));
            case Accepted accepted
            when accepted.answerAfter().isPositive() ->
                CompletableFuture.supplyAsync(
                        () -> accepted(accepted),
                        CompletableFuture.delayedExecutor(accepted.answerAfter().toMillis(), TimeUnit.MILLISECONDS));
            case Accepted accepted -> CompletableFuture.completedFuture(accepted(accepted));
        };
    }

    private static Map<String, Object> accepted(Accepted accepted) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", accepted.messageId());
        if (accepted.template()) {
            message.put("message_status", "accepted");
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("messaging_product", "whatsapp");
        response.put("contacts", List.of(Map.of("input", accepted.input(), "wa_id", accepted.waId())));
        response.put("messages", List.of(message));
        return response;
    }

    @PostMapping(value = VERSION + "/{phoneNumberId}/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, String> upload(
            @PathVariable String phoneNumberId,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(value = "messaging_product", required = false) String messagingProduct,
            @RequestParam(value = "type", required = false) String type,
            @RequestParam(value = "file", required = false) MultipartFile file)
            throws IOException {
        messaging.authorize(authorization);
        messaging.checkPhoneNumber(phoneNumberId);
        if (messagingProduct == null || messagingProduct.isBlank()) {
            throw new GraphApiException(GraphError.MISSING_PARAMETER, "The parameter messaging_product is required.");
        }
        if (!messagingProduct.equals("whatsapp")) {
            throw new GraphApiException(
                    GraphError.INVALID_PARAMETER_VALUE, "Param messaging_product must be 'whatsapp'.");
        }
        if (file == null || file.isEmpty()) {
            throw new GraphApiException(GraphError.MISSING_PARAMETER, "The parameter file is required.");
        }
        String mimeType = type != null && !type.isBlank() ? type : file.getContentType();
        MediaKind kind = MediaKind.forMimeType(mimeType)
                .orElseThrow(() -> new GraphApiException(
                        GraphError.MEDIA_UPLOAD_ERROR, "MIME type " + mimeType + " is not supported."));
        if (file.getSize() > kind.maxBytes()) {
            throw new GraphApiException(
                    GraphError.MEDIA_UPLOAD_ERROR,
                    "A " + kind.jsonName() + " may be at most " + kind.maxBytes() + " bytes; this one has "
                            + file.getSize() + ".");
        }
        var stored = media.store(file.getBytes(), mimeType, file.getOriginalFilename());
        return Map.of("id", stored.id());
    }

    @GetMapping(VERSION + "/{mediaId:\\d+}")
    Map<String, Object> mediaMetadata(
            @PathVariable String mediaId,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(value = "phone_number_id", required = false) String phoneNumberId) {
        messaging.authorize(authorization);
        if (phoneNumberId != null) {
            messaging.checkPhoneNumber(phoneNumberId);
        }
        var stored = media.find(mediaId).orElseThrow(() -> unknownObject(mediaId));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("messaging_product", "whatsapp");
        response.put("url", baseUrl() + media.downloadPath(stored.id()));
        response.put("mime_type", stored.mimeType());
        response.put("sha256", stored.sha256());
        response.put("file_size", Integer.toString(stored.size()));
        response.put("id", stored.id());
        return response;
    }

    @DeleteMapping(VERSION + "/{mediaId:\\d+}")
    Map<String, Object> deleteMedia(
            @PathVariable String mediaId,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        messaging.authorize(authorization);
        if (!media.delete(mediaId)) {
            throw unknownObject(mediaId);
        }
        return Map.of("success", true);
    }

    /** Step 3 of the download flow: needs the bearer token; 404 once the URL expired. */
    @GetMapping("/whatsapp_business/attachments/")
    ResponseEntity<byte[]> download(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(value = "mid", required = false) String mid,
            @RequestParam(value = "ext", required = false) String ext,
            @RequestParam(value = "hash", required = false) String hash) {
        messaging.authorize(authorization);
        return media.resolveDownload(mid, ext, hash)
                .map(stored -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(stored.mimeType()))
                        .body(stored.bytes()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private String baseUrl() {
        String configured = settings.publicBaseUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new GraphApiException(GraphError.INVALID_PARAMETER, "The request body is empty.");
        }
        try {
            return mapper.readTree(body);
        } catch (JacksonException e) {
            throw new GraphApiException(GraphError.INVALID_PARAMETER, "The request body is not valid JSON.");
        }
    }

    private static GraphApiException unknownObject(String id) {
        return new GraphApiException(
                GraphError.INVALID_PARAMETER,
                "Unsupported get request. Object with ID '" + id
                        + "' does not exist, cannot be loaded due to missing permissions, or does not support this"
                        + " operation.");
    }
}
