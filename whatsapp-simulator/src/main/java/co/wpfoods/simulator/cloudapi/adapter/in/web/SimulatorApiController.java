package co.wpfoods.simulator.cloudapi.adapter.in.web;

import co.wpfoods.simulator.cloudapi.application.Conversations;
import co.wpfoods.simulator.cloudapi.application.Conversations.ChatMessage;
import co.wpfoods.simulator.cloudapi.application.Conversations.Direction;
import co.wpfoods.simulator.cloudapi.application.Conversations.Phone;
import co.wpfoods.simulator.cloudapi.application.GraphRequestLog;
import co.wpfoods.simulator.cloudapi.application.GraphRequestLog.GraphRequest;
import co.wpfoods.simulator.cloudapi.application.MediaStore;
import co.wpfoods.simulator.cloudapi.application.SendPolicy;
import co.wpfoods.simulator.cloudapi.application.Settings;
import co.wpfoods.simulator.cloudapi.application.SimulatorSettings;
import co.wpfoods.simulator.cloudapi.application.StatusEmitter;
import co.wpfoods.simulator.cloudapi.application.TemplateCatalog;
import co.wpfoods.simulator.cloudapi.application.UserMessage;
import co.wpfoods.simulator.cloudapi.application.UserMessaging;
import co.wpfoods.simulator.cloudapi.application.UserMessaging.UserActionException;
import co.wpfoods.simulator.cloudapi.application.WebhookDeliveries;
import co.wpfoods.simulator.cloudapi.application.WebhookPublisher;
import co.wpfoods.simulator.cloudapi.domain.BusinessAccount;
import co.wpfoods.simulator.cloudapi.domain.MediaKind;
import co.wpfoods.simulator.cloudapi.domain.PhoneNumbers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The scriptable side for tests, load tests and the chat page: phones, sending as a user,
 * reading what a user received, settings, webhook delivery log, reset. See the README.
 */
@RestController
@RequestMapping("/sim/api")
public class SimulatorApiController {

    private static final AtomicLong GENERATED_NUMBERS = new AtomicLong(573000000100L);

    private final Conversations conversations;
    private final UserMessaging users;
    private final StatusEmitter statuses;
    private final MediaStore media;
    private final Settings settings;
    private final SendPolicy policy;
    private final WebhookDeliveries webhooks;
    private final WebhookPublisher publisher;
    private final TemplateCatalog templates;
    private final BusinessAccount account;
    private final WebSettings web;
    private final GraphRequestLog graphRequests;

    SimulatorApiController(
            Conversations conversations,
            UserMessaging users,
            StatusEmitter statuses,
            MediaStore media,
            Settings settings,
            SendPolicy policy,
            WebhookDeliveries webhooks,
            WebhookPublisher publisher,
            TemplateCatalog templates,
            BusinessAccount account,
            WebSettings web,
            GraphRequestLog graphRequests) {
        this.graphRequests = graphRequests;
        this.conversations = conversations;
        this.users = users;
        this.statuses = statuses;
        this.media = media;
        this.settings = settings;
        this.policy = policy;
        this.webhooks = webhooks;
        this.publisher = publisher;
        this.templates = templates;
        this.account = account;
        this.web = web;
    }

    public record NewPhone(String name, String number, String role) {}

    public record MessageView(
            String id,
            String direction,
            String type,
            long timestamp,
            String status,
            String error,
            String contextId,
            Object content,
            Object template) {
        static MessageView of(ChatMessage message) {
            return new MessageView(
                    message.id(),
                    message.direction() == Direction.TO_USER ? "received" : "sent",
                    message.type(),
                    message.timestamp(),
                    message.status(),
                    message.error(),
                    message.contextId(),
                    message.content(),
                    message.template());
        }
    }

    @GetMapping("/config")
    Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("businessName", account.businessName());
        config.put("displayPhoneNumber", account.displayPhoneNumber());
        config.put("phoneNumberId", account.phoneNumberId());
        config.put("wabaId", account.wabaId());
        config.put("graphApiVersion", web.graphApiVersion());
        config.put("webhookUrl", settings.get().webhookUrl());
        return config;
    }

    @GetMapping("/templates")
    Object templates() {
        return templates.byKey().values();
    }

    @PostMapping("/phones")
    @ResponseStatus(HttpStatus.CREATED)
    Phone createPhone(@RequestBody(required = false) NewPhone request) {
        NewPhone phone = request == null ? new NewPhone(null, null, null) : request;
        String waId = phone.number() == null || phone.number().isBlank()
                ? nextFreeNumber()
                : PhoneNumbers.toWaId(phone.number())
                        .orElseThrow(() -> new UserActionException("number must be a phone number", false));
        if (waId.equals(account.displayPhoneNumber())) {
            throw new UserActionException("that is the business number", false);
        }
        String name = phone.name() == null || phone.name().isBlank()
                ? "+" + waId
                : phone.name().strip();
        String role = phone.role() == null || phone.role().isBlank()
                ? "customer"
                : phone.role().strip();
        return conversations.savePhone(waId, name, role);
    }

    private String nextFreeNumber() {
        String candidate;
        do {
            candidate = Long.toString(GENERATED_NUMBERS.incrementAndGet());
        } while (conversations.phone(candidate).isPresent());
        return candidate;
    }

    @GetMapping("/phones")
    List<Phone> phones() {
        return conversations.phones();
    }

    @GetMapping("/phones/{waId}")
    Phone phone(@PathVariable String waId) {
        return conversations.phone(waId).orElseThrow(() -> new UserActionException("No phone " + waId, true));
    }

    @DeleteMapping("/phones/{waId}")
    ResponseEntity<Void> deletePhone(@PathVariable String waId) {
        return conversations.removePhone(waId)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    @PostMapping("/phones/{waId}/messages")
    @ResponseStatus(HttpStatus.ACCEPTED)
    MessageView sendAsUser(@PathVariable String waId, @RequestBody UserMessage message) {
        return MessageView.of(users.send(waId, message));
    }

    /** Uploads a file and sends it in one step (the chat page's voice note and image buttons). */
    @PostMapping(value = "/phones/{waId}/messages/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    MessageView sendMediaAsUser(
            @PathVariable String waId,
            @RequestParam("file") MultipartFile file,
            @RequestParam(value = "kind", required = false) String kind,
            @RequestParam(value = "caption", required = false) String caption,
            @RequestParam(value = "voice", required = false) Boolean voice)
            throws IOException {
        var stored = store(file);
        String resolvedKind = kind != null && !kind.isBlank()
                ? kind
                : MediaKind.forMimeType(stored.mimeType())
                        .map(MediaKind::jsonName)
                        .orElse("document");
        return MessageView.of(users.send(waId, new UserMessage.Media(resolvedKind, stored.id(), caption, voice, null)));
    }

    @PostMapping(value = "/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> upload(@RequestParam("file") MultipartFile file) throws IOException {
        var stored = store(file);
        return Map.of(
                "id", stored.id(), "mimeType", stored.mimeType(), "sha256", stored.sha256(), "size", stored.size());
    }

    private MediaStore.StoredMedia store(MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw new UserActionException("file is empty", false);
        }
        String mime = file.getContentType() == null ? "application/octet-stream" : file.getContentType();
        if (mime.startsWith("audio/ogg") || mime.equals("audio/opus") || mime.equals("application/ogg")) {
            mime = "audio/ogg; codecs=opus";
        }
        return media.store(file.getBytes(), mime, file.getOriginalFilename());
    }

    /** The bytes of any stored media, for the chat page (a phone shows what it received). */
    @GetMapping("/media/{mediaId}")
    ResponseEntity<byte[]> mediaBytes(@PathVariable String mediaId) {
        return media.find(mediaId)
                .map(stored -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(stored.mimeType()))
                        .body(stored.bytes()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/phones/{waId}/messages")
    List<MessageView> messages(
            @PathVariable String waId, @RequestParam(value = "direction", defaultValue = "all") String direction) {
        phone(waId);
        return conversations.messages(waId).stream()
                .filter(message -> switch (direction) {
                    case "received" -> message.direction() == Direction.TO_USER;
                    case "sent" -> message.direction() == Direction.FROM_USER;
                    default -> true;
                })
                .map(MessageView::of)
                .toList();
    }

    /** The user opens the chat: emits {@code read} for what the business sent (when auto-read is off). */
    @PostMapping("/phones/{waId}/read")
    ResponseEntity<Void> read(@PathVariable String waId) {
        phone(waId);
        statuses.userRead(waId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/messages/{messageId}/played")
    ResponseEntity<Void> played(@PathVariable String messageId) {
        statuses.played(messageId);
        return ResponseEntity.noContent().build();
    }

    /** Everything the chat page draws; {@code version} changes whenever anything changed. */
    @GetMapping("/snapshot")
    Map<String, Object> snapshot(@RequestParam(value = "since", defaultValue = "-1") long since) {
        long version = conversations.version();
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("version", version);
        if (version == since) {
            return snapshot;
        }
        List<Map<String, Object>> phones = new ArrayList<>();
        for (Phone phone : conversations.phones()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("waId", phone.waId());
            entry.put("name", phone.name());
            entry.put("role", phone.role());
            entry.put(
                    "messages",
                    conversations.messages(phone.waId()).stream()
                            .map(MessageView::of)
                            .toList());
            phones.add(entry);
        }
        snapshot.put("phones", phones);
        return snapshot;
    }

    /** Delivers any webhook body (batches, other fields, BSUID payloads, wrong signatures) as Meta would. */
    @PostMapping("/webhooks/raw")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void rawWebhook(
            @RequestBody tools.jackson.databind.JsonNode body,
            @RequestParam(value = "badSignature", defaultValue = "false") boolean badSignature) {
        if (body == null || !body.isObject()) {
            throw new UserActionException("the body must be a JSON object (a webhook envelope)", false);
        }
        publisher.publishRaw(body, badSignature);
    }

    @GetMapping("/deliveries")
    List<WebhookDeliveries.Delivery> deliveries() {
        return webhooks.deliveries();
    }

    @GetMapping("/settings")
    SimulatorSettings settings() {
        return settings.get();
    }

    @PutMapping("/settings")
    SimulatorSettings updateSettings(@RequestBody SimulatorSettings.Patch patch) {
        return settings.update(patch);
    }

    @PostMapping("/webhook/verify")
    Map<String, Object> verifyWebhook() {
        return Map.of("url", settings.get().webhookUrl(), "verified", webhooks.verify(web.verifyToken()));
    }

    /** Forgets phones, messages, media, windows, limits and the delivery log; settings back to properties. */
    /**
     * The Graph API message sends received (the last 1,000, oldest first) with their headers — the bearer token masked —
     * and bodies; {@code contains} keeps those whose body contains the text (e.g. a recipient's number).
     */
    @GetMapping("/graph/requests")
    List<GraphRequest> graphRequests(@RequestParam(value = "contains", required = false) String contains) {
        return graphRequests.all().stream()
                .filter(r -> contains == null || (r.body() != null && r.body().contains(contains)))
                .toList();
    }

    @PostMapping("/reset")
    ResponseEntity<Void> reset() {
        graphRequests.clear();
        conversations.clear();
        media.clear();
        policy.reset();
        webhooks.clear();
        settings.restoreDefaults();
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(UserActionException.class)
    ResponseEntity<Map<String, String>> userActionFailed(UserActionException exception) {
        return ResponseEntity.status(exception.notFound() ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_CONTENT)
                .body(Map.of("error", exception.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException exception) {
        return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(exception.getMessage())));
    }
}
