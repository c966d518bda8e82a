package co.wpfoods.simulator.cloudapi.application;

import static co.wpfoods.simulator.cloudapi.application.JsonRules.allowOnly;
import static co.wpfoods.simulator.cloudapi.application.JsonRules.array;
import static co.wpfoods.simulator.cloudapi.application.JsonRules.coordinate;
import static co.wpfoods.simulator.cloudapi.application.JsonRules.exactly;
import static co.wpfoods.simulator.cloudapi.application.JsonRules.httpUrl;
import static co.wpfoods.simulator.cloudapi.application.JsonRules.invalid;
import static co.wpfoods.simulator.cloudapi.application.JsonRules.missing;
import static co.wpfoods.simulator.cloudapi.application.JsonRules.object;
import static co.wpfoods.simulator.cloudapi.application.JsonRules.optionalBoolean;
import static co.wpfoods.simulator.cloudapi.application.JsonRules.optionalText;
import static co.wpfoods.simulator.cloudapi.application.JsonRules.path;
import static co.wpfoods.simulator.cloudapi.application.JsonRules.text;

import co.wpfoods.simulator.cloudapi.domain.GraphApiException;
import co.wpfoods.simulator.cloudapi.domain.GraphError;
import co.wpfoods.simulator.cloudapi.domain.MediaKind;
import co.wpfoods.simulator.cloudapi.domain.PhoneNumbers;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Strict validation of a {@code POST /{version}/{phone-number-id}/messages} body against the
 * rules of reference §5, failing with Meta's codes (§6). Unknown keys are refused so that a
 * typo in our sender shows up locally instead of in production.
 */
public final class SendRequestValidator {

    /** What the business asked for. */
    public sealed interface SendRequest permits MarkAsRead, OutboundMessage {}

    public record MarkAsRead(String messageId, boolean typingIndicator) implements SendRequest {}

    public record OutboundMessage(
            String input,
            String waId,
            String type,
            JsonNode payload,
            String contextMessageId,
            String callbackData,
            TemplateValidator.RenderedTemplate template)
            implements SendRequest {}

    /** Where uploaded media ids are looked up. */
    public interface MediaCatalog {
        Optional<String> mimeTypeOf(String mediaId);
    }

    static final Set<String> MESSAGE_TYPES = Set.of(
            "text",
            "image",
            "audio",
            "video",
            "document",
            "sticker",
            "location",
            "contacts",
            "interactive",
            "template",
            "reaction");

    private static final Set<String> TOP_LEVEL =
            Set.of("messaging_product", "recipient_type", "to", "type", "context", "biz_opaque_callback_data");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TemplateValidator templates;
    private final MediaCatalog media;
    private final String businessNumber;

    public SendRequestValidator(TemplateValidator templates, MediaCatalog media, String businessNumber) {
        this.templates = templates;
        this.media = media;
        this.businessNumber = businessNumber;
    }

    public SendRequest validate(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new GraphApiException(GraphError.INVALID_PARAMETER, "The request body must be a JSON object.");
        }
        exactly(body, "messaging_product", "", "whatsapp");
        if (body.has("status")) {
            return markAsRead(body);
        }
        String type = body.has("type") ? text(body, "type", "", 32) : "text";
        if (!MESSAGE_TYPES.contains(type)) {
            throw new GraphApiException(
                    GraphError.UNSUPPORTED_MESSAGE_TYPE, "Message type '" + type + "' is not supported.");
        }
        body = decodeJsonStringParameter(body, "contacts");
        Set<String> allowed = new HashSet<>(TOP_LEVEL);
        allowed.addAll(MESSAGE_TYPES);
        allowOnly(body, "", allowed);

        String recipientType = optionalText(body, "recipient_type", "", 32);
        if (recipientType != null && !recipientType.equals("individual")) {
            throw invalid("Param recipient_type must be 'individual' (group messaging is not simulated).");
        }
        String input = text(body, "to", "", 64);
        String waId = PhoneNumbers.toWaId(input)
                .orElseThrow(() -> invalid("Param to must be a valid phone number, e.g. +573001234567."));
        if (waId.equals(businessNumber)) {
            throw new GraphApiException(GraphError.RECIPIENT_IS_SENDER, "The recipient is the sender's own number.");
        }
        for (String other : MESSAGE_TYPES) {
            if (!other.equals(type) && body.has(other)) {
                throw new GraphApiException(
                        GraphError.INVALID_PARAMETER,
                        "Unexpected key \"" + other + "\" for a message of type " + type + ".");
            }
        }
        String contextId = context(body, type);
        String callbackData = optionalText(body, "biz_opaque_callback_data", "", 512);
        JsonNode payload = type.equals("contacts") ? body.get("contacts") : object(body, type, "", true);

        TemplateValidator.RenderedTemplate rendered = null;
        switch (type) {
            case "text" -> textMessage(payload);
            case "interactive" -> interactive(payload);
            case "location" -> location(payload, "location");
            case "reaction" -> reaction(payload);
            case "contacts" -> contacts(body);
            case "template" -> rendered = templates.validate(payload);
            default -> media(media, payload, MediaKind.fromJsonName(type).orElseThrow(), type, true, true);
        }
        return new OutboundMessage(input, waId, type, payload, contextId, callbackData, rendered);
    }

    /**
     * Graph decodes a parameter given as a JSON-encoded string (whatsapp-api-js sends {@code contacts} that way): the
     * string is parsed and validated like the structure it holds; a string that is not JSON is refused with 100.
     */
    private static JsonNode decodeJsonStringParameter(JsonNode body, String key) {
        JsonNode value = body.get(key);
        if (value == null || !value.isString()) {
            return body;
        }
        JsonNode decoded;
        try {
            decoded = JSON.readTree(value.asString());
        } catch (JacksonException e) {
            throw new GraphApiException(
                    GraphError.INVALID_PARAMETER,
                    "Param " + key + " must be JSON (an array, or a string holding one).");
        }
        ObjectNode copy = (ObjectNode) body.deepCopy();
        copy.set(key, decoded);
        return copy;
    }

    private static MarkAsRead markAsRead(JsonNode body) {
        allowOnly(body, "", Set.of("messaging_product", "status", "message_id", "typing_indicator"));
        exactly(body, "status", "", "read");
        String messageId = text(body, "message_id", "", 512);
        JsonNode typing = object(body, "typing_indicator", "", false);
        if (typing != null) {
            allowOnly(typing, "typing_indicator", Set.of("type"));
            exactly(typing, "type", "typing_indicator", "text");
        }
        return new MarkAsRead(messageId, typing != null);
    }

    private static String context(JsonNode body, String type) {
        JsonNode context = object(body, "context", "", false);
        if (context == null) {
            return null;
        }
        if (type.equals("reaction")) {
            throw invalid("Param context is not allowed on reaction messages.");
        }
        allowOnly(context, "context", Set.of("message_id"));
        return text(context, "message_id", "context", 512);
    }

    private static void textMessage(JsonNode text) {
        allowOnly(text, "text", Set.of("body", "preview_url"));
        JsonRules.text(text, "body", "text", 4096);
        optionalBoolean(text, "preview_url", "text");
    }

    private void interactive(JsonNode interactive) {
        String p = "interactive";
        allowOnly(interactive, p, Set.of("type", "header", "body", "footer", "action"));
        String type = text(interactive, "type", p, 64);
        JsonNode action = object(interactive, "action", p, true);
        String actionPath = path(p, "action");
        switch (type) {
            case "button" -> {
                header(interactive, Set.of("text", "image", "video", "document"), true);
                body(interactive, 1024);
                footer(interactive);
                buttons(action, actionPath);
            }
            case "list" -> {
                header(interactive, Set.of("text"), false);
                body(interactive, 4096);
                footer(interactive);
                list(action, actionPath);
            }
            case "cta_url" -> {
                header(interactive, Set.of("text", "image", "video", "document"), false);
                body(interactive, 1024);
                footer(interactive);
                allowOnly(action, actionPath, Set.of("name", "parameters"));
                exactly(action, "name", actionPath, "cta_url");
                JsonNode parameters = object(action, "parameters", actionPath, true);
                String parametersPath = path(actionPath, "parameters");
                allowOnly(parameters, parametersPath, Set.of("display_text", "url"));
                JsonRules.text(parameters, "display_text", parametersPath, 20);
                httpUrl(parameters, "url", parametersPath);
            }
            case "location_request_message" -> {
                if (interactive.has("header") || interactive.has("footer")) {
                    throw invalid("A location_request_message takes only a body and an action.");
                }
                body(interactive, 1024);
                allowOnly(action, actionPath, Set.of("name"));
                exactly(action, "name", actionPath, "send_location");
            }
            default ->
                throw invalid("Param interactive['type'] must be one of button, list, cta_url,"
                        + " location_request_message (the types the simulator renders).");
        }
    }

    private void header(JsonNode interactive, Set<String> types, boolean mediaById) {
        JsonNode header = object(interactive, "header", "interactive", false);
        if (header == null) {
            return;
        }
        String p = "interactive['header']";
        String type = text(header, "type", p, 32);
        if (!types.contains(type)) {
            throw invalid("Param " + p + "['type'] must be one of "
                    + String.join(", ", types.stream().sorted().toList()) + ".");
        }
        allowOnly(header, p, Set.of("type", type));
        if (type.equals("text")) {
            JsonRules.text(header, "text", p, 60);
        } else {
            JsonNode mediaObject = object(header, type, p, true);
            media(media, mediaObject, MediaKind.fromJsonName(type).orElseThrow(), path(p, type), mediaById, false);
        }
    }

    private static void body(JsonNode interactive, int max) {
        JsonNode body = object(interactive, "body", "interactive", true);
        allowOnly(body, "interactive['body']", Set.of("text"));
        JsonRules.text(body, "text", "interactive['body']", max);
    }

    private static void footer(JsonNode interactive) {
        JsonNode footer = object(interactive, "footer", "interactive", false);
        if (footer != null) {
            allowOnly(footer, "interactive['footer']", Set.of("text"));
            JsonRules.text(footer, "text", "interactive['footer']", 60);
        }
    }

    private static void buttons(JsonNode action, String actionPath) {
        allowOnly(action, actionPath, Set.of("buttons"));
        JsonNode buttons = array(action, "buttons", actionPath, 1, 3);
        Set<String> ids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (int i = 0; i < buttons.size(); i++) {
            String p = path(path(actionPath, "buttons"), i);
            JsonNode button = buttons.get(i);
            if (!button.isObject()) {
                throw invalid("Param " + p + " must be a JSON object.");
            }
            allowOnly(button, p, Set.of("type", "reply"));
            exactly(button, "type", p, "reply");
            JsonNode reply = object(button, "reply", p, true);
            String replyPath = path(p, "reply");
            allowOnly(reply, replyPath, Set.of("id", "title"));
            if (!ids.add(JsonRules.text(reply, "id", replyPath, 256))) {
                throw invalid("Button ids must be unique; duplicate at " + replyPath + "['id'].");
            }
            if (!titles.add(JsonRules.text(reply, "title", replyPath, 20))) {
                throw invalid("Button titles must be unique; duplicate at " + replyPath + "['title'].");
            }
        }
    }

    private static void list(JsonNode action, String actionPath) {
        allowOnly(action, actionPath, Set.of("button", "sections"));
        JsonRules.text(action, "button", actionPath, 20);
        JsonNode sections = array(action, "sections", actionPath, 1, 10);
        Set<String> rowIds = new LinkedHashSet<>();
        int rows = 0;
        for (int s = 0; s < sections.size(); s++) {
            String sectionPath = path(path(actionPath, "sections"), s);
            JsonNode section = sections.get(s);
            if (!section.isObject()) {
                throw invalid("Param " + sectionPath + " must be a JSON object.");
            }
            allowOnly(section, sectionPath, Set.of("title", "rows"));
            if (sections.size() > 1) {
                // Meta requires section titles only when a list has several sections
                JsonRules.text(section, "title", sectionPath, 24);
            } else {
                optionalText(section, "title", sectionPath, 24);
            }
            JsonNode sectionRows = array(section, "rows", sectionPath, 1, 10);
            for (int r = 0; r < sectionRows.size(); r++) {
                String rowPath = path(path(sectionPath, "rows"), r);
                JsonNode row = sectionRows.get(r);
                if (!row.isObject()) {
                    throw invalid("Param " + rowPath + " must be a JSON object.");
                }
                allowOnly(row, rowPath, Set.of("id", "title", "description"));
                if (!rowIds.add(JsonRules.text(row, "id", rowPath, 200))) {
                    throw invalid("Row ids must be unique; duplicate at " + rowPath + "['id'].");
                }
                JsonRules.text(row, "title", rowPath, 24);
                optionalText(row, "description", rowPath, 72);
                rows++;
            }
        }
        if (rows > 10) {
            throw invalid("A list may have at most 10 rows in total across its sections; it has " + rows + ".");
        }
    }

    static void location(JsonNode location, String p) {
        allowOnly(location, p, Set.of("latitude", "longitude", "name", "address"));
        coordinate(location, "latitude", p, 90);
        coordinate(location, "longitude", p, 180);
        optionalText(location, "name", p, 1000);
        optionalText(location, "address", p, 1000);
    }

    private static void reaction(JsonNode reaction) {
        allowOnly(reaction, "reaction", Set.of("message_id", "emoji"));
        text(reaction, "message_id", "reaction", 512);
        JsonNode emojiNode = reaction.get("emoji");
        if (emojiNode == null || emojiNode.isNull()) {
            throw missing("reaction['emoji']");
        }
        String emoji = optionalText(reaction, "emoji", "reaction", 16);
        if (!emoji.isEmpty() && !looksLikeOneEmoji(emoji)) {
            throw invalid("Param reaction['emoji'] must be a single emoji, or empty to remove the reaction.");
        }
    }

    static boolean looksLikeOneEmoji(String value) {
        return value.codePoints().noneMatch(cp -> cp < 0x80 && cp != '#' && cp != '*' && !Character.isDigit(cp))
                && value.codePoints().anyMatch(cp -> cp >= 0x80);
    }

    private static void contacts(JsonNode body) {
        JsonNode contacts = array(body, "contacts", "", 1, 257);
        for (int i = 0; i < contacts.size(); i++) {
            String p = path("contacts", i);
            JsonNode contact = contacts.get(i);
            if (!contact.isObject()) {
                throw invalid("Param " + p + " must be a JSON object.");
            }
            allowOnly(contact, p, Set.of("addresses", "birthday", "emails", "name", "org", "phones", "urls"));
            JsonNode name = object(contact, "name", p, true);
            JsonRules.text(name, "formatted_name", path(p, "name"), 1024);
        }
    }

    /**
     * A media object: exactly one of {@code id} (uploaded, of a fitting MIME type) or
     * {@code link} (http/https); caption/filename/voice only where Meta allows them.
     */
    static void media(
            MediaCatalog media,
            JsonNode mediaObject,
            MediaKind kind,
            String p,
            boolean byIdAllowed,
            boolean extrasAllowed) {
        Set<String> keys = new HashSet<>(List.of("id", "link"));
        if (extrasAllowed) {
            switch (kind) {
                case IMAGE, VIDEO -> keys.add("caption");
                case DOCUMENT -> keys.addAll(List.of("caption", "filename"));
                case AUDIO -> keys.add("voice");
                case STICKER -> {}
            }
        }
        allowOnly(mediaObject, p, keys);
        boolean hasId = mediaObject.hasNonNull("id");
        boolean hasLink = mediaObject.hasNonNull("link");
        if (hasId == hasLink) {
            if (hasId) {
                throw invalid("Param " + p + " must have either id or link, not both.");
            }
            throw missing(p + "['id'] or " + p + "['link']");
        }
        if (hasId) {
            if (!byIdAllowed) {
                throw invalid("Param " + p + " must use link, not id.");
            }
            String id = text(mediaObject, "id", p, 64);
            String mime = media.mimeTypeOf(id)
                    .orElseThrow(() -> new GraphApiException(
                            GraphError.MEDIA_UPLOAD_ERROR, "Media id " + id + " was not found or has expired."));
            if (!kind.accepts(mime)) {
                throw new GraphApiException(
                        GraphError.MEDIA_UPLOAD_ERROR,
                        "Media " + id + " has MIME type " + mime + ", which cannot be sent as " + kind.jsonName()
                                + ".");
            }
        } else {
            httpUrl(mediaObject, "link", p);
        }
        optionalText(mediaObject, "caption", p, 1024);
        optionalText(mediaObject, "filename", p, 240);
        optionalBoolean(mediaObject, "voice", p);
    }
}
