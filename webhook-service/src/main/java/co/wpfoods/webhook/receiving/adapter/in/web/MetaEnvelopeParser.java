package co.wpfoods.webhook.receiving.adapter.in.web;

import co.wpfoods.schemas.serde.AvroSerde;
import co.wpfoods.schemas.wa.CartItem;
import co.wpfoods.schemas.wa.CartOrderContent;
import co.wpfoods.schemas.wa.DeliveryState;
import co.wpfoods.schemas.wa.DeliveryStatus;
import co.wpfoods.schemas.wa.InboundMessage;
import co.wpfoods.schemas.wa.InboundMessageType;
import co.wpfoods.schemas.wa.LocationContent;
import co.wpfoods.schemas.wa.MediaContent;
import co.wpfoods.schemas.wa.MessageContext;
import co.wpfoods.schemas.wa.ReactionContent;
import co.wpfoods.schemas.wa.Referral;
import co.wpfoods.schemas.wa.ReplyContent;
import co.wpfoods.schemas.wa.ReplyKind;
import co.wpfoods.schemas.wa.Role;
import co.wpfoods.schemas.wa.SharedContact;
import co.wpfoods.schemas.wa.SharedPhone;
import co.wpfoods.schemas.wa.SystemContent;
import co.wpfoods.schemas.wa.TextContent;
import co.wpfoods.schemas.wa.WaError;
import co.wpfoods.schemas.wa.WaUser;
import co.wpfoods.webhook.receiving.application.ParsedItem;
import co.wpfoods.webhook.receiving.application.ParsedWebhook;
import co.wpfoods.webhook.receiving.domain.DedupKey;
import co.wpfoods.webhook.receiving.domain.SenderIdentity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Splits Meta's webhook envelope into one record per message and per status ({@code entry[] × changes[] ×
 * messages[]/statuses[]}). Lenient by design: unknown properties are ignored, unknown message types become
 * {@code UNSUPPORTED} records (never dropped), absent arrays are empty, ids and timestamps stay strings until used.
 * Every record carries the JSON of its original object in {@code rawJson}.
 *
 * <p>Lenient inside a change's {@code value}, strict about the envelope: a body that is not a JSON object, or whose
 * envelope is not what Meta sends ({@code object} of {@code whatsapp_business_account}, a non-empty {@code entry[]}
 * of objects, each with a non-empty {@code changes[]} of objects carrying a text {@code field} and an object
 * {@code value}) is refused ({@link MalformedWebhookException}) with a reason, so a sender that got the format wrong
 * hears about it instead of getting a 200 for a body that carried nothing.
 */
public final class MetaEnvelopeParser {

    static final String MESSAGES_FIELD = "messages";

    static {
        // the serde registers our generated classes as trusted by Avro; builders resolving defaults need that
        AvroSerde.standard();
    }

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    public ParsedWebhook parse(byte[] body, Instant receivedAt) {
        JsonNode root = readTree(body);
        checkEnvelope(root);
        List<ParsedItem> items = new ArrayList<>();
        List<String> otherFields = new ArrayList<>();
        int[] valueErrors = {0};
        int[] skipped = {0};
        for (JsonNode entry : Json.array(root, "entry")) {
            String wabaId = Json.text(entry, "id");
            for (JsonNode change : Json.array(entry, "changes")) {
                String field = Json.text(change, "field");
                JsonNode value = Json.object(change, "value");
                if (field != null && !MESSAGES_FIELD.equals(field)) {
                    otherFields.add(field);
                    continue;
                }
                if (value == null) {
                    continue;
                }
                valueErrors[0] += Json.array(value, "errors").size();
                Envelope envelope = new Envelope(wabaId, value, receivedAt);
                for (JsonNode message : Json.array(value, "messages")) {
                    if (message.isObject()) {
                        items.add(message(envelope, message));
                    } else {
                        skipped[0]++;
                    }
                }
                for (JsonNode status : Json.array(value, "statuses")) {
                    if (status.isObject()) {
                        items.add(status(envelope, status));
                    } else {
                        skipped[0]++;
                    }
                }
            }
        }
        return new ParsedWebhook(items, otherFields, valueErrors[0], skipped[0]);
    }

    private JsonNode readTree(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedWebhookException("empty_body", "the request has no body");
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedWebhookException("malformed_json", e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new MalformedWebhookException("not_an_object", "the body must be a JSON object");
        }
        return root;
    }

    static final String OBJECT = "whatsapp_business_account";

    /** The envelope's own shape, which Meta always sends; everything below {@code value} stays lenient. */
    private static void checkEnvelope(JsonNode root) {
        JsonNode object = root.get("object");
        if (object == null || !object.isString() || !OBJECT.equals(object.stringValue())) {
            throw new MalformedWebhookException("not_a_whatsapp_envelope", "\"object\" must be \"" + OBJECT + "\"");
        }
        JsonNode entries = root.get("entry");
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            throw new MalformedWebhookException("no_entry", "\"entry\" must be a non-empty array");
        }
        for (JsonNode entry : entries) {
            JsonNode changes = entry.isObject() ? entry.get("changes") : null;
            if (changes == null || !changes.isArray() || changes.isEmpty()) {
                throw new MalformedWebhookException(
                        "no_changes", "every entry must be an object with a non-empty \"changes\" array");
            }
            for (JsonNode change : changes) {
                if (!change.isObject() || Json.text(change, "field") == null || Json.object(change, "value") == null) {
                    throw new MalformedWebhookException(
                            "malformed_change", "every change must have a text \"field\" and an object \"value\"");
                }
            }
        }
    }

    /** What every record of one {@code changes[].value} shares. */
    private record Envelope(String wabaId, JsonNode value, Instant receivedAt) {

        String phoneNumberId() {
            String id = Json.text(Json.object(value, "metadata"), "phone_number_id");
            return id == null ? "" : id;
        }

        String displayPhoneNumber() {
            return Json.text(Json.object(value, "metadata"), "display_phone_number");
        }

        /** The {@code value.contacts[]} entry describing this user, if any. */
        JsonNode contactFor(String waId, String userId) {
            List<JsonNode> contacts = Json.array(value, "contacts");
            for (JsonNode contact : contacts) {
                String contactWaId = SenderIdentityNormal.waId(Json.text(contact, "wa_id"));
                String contactUserId = Json.text(contact, "user_id");
                if ((waId != null && waId.equals(contactWaId)) || (userId != null && userId.equals(contactUserId))) {
                    return contact;
                }
            }
            return contacts.size() == 1 && waId == null && userId == null ? contacts.getFirst() : null;
        }
    }

    private ParsedItem message(Envelope envelope, JsonNode message) {
        String rawJson = mapper.writeValueAsString(message);
        String from = SenderIdentityNormal.waId(Json.text(message, "from"));
        String fromUserId = Json.text(message, "from_user_id");
        JsonNode contact = envelope.contactFor(from, fromUserId);
        SenderIdentity sender = new SenderIdentity(
                from != null ? from : Json.text(contact, "wa_id"),
                fromUserId != null ? fromUserId : Json.text(contact, "user_id"));
        String metaType = Json.text(message, "type");
        InboundMessageType type = typeOf(metaType);
        String wamid = Json.text(message, "id");
        Instant sentAt = seconds(Json.text(message, "timestamp"), envelope.receivedAt());

        InboundMessage.Builder record = InboundMessage.newBuilder()
                .setMessageId(wamid == null ? "" : wamid)
                .setType(type)
                .setMetaType(metaType == null ? "" : metaType)
                .setFrom(user(sender, contact))
                .setRole(Role.CUSTOMER)
                .setPhoneNumberId(envelope.phoneNumberId())
                .setDisplayPhoneNumber(envelope.displayPhoneNumber())
                .setWabaId(envelope.wabaId())
                .setSentAt(sentAt)
                .setReceivedAt(envelope.receivedAt())
                .setContext(context(Json.object(message, "context")))
                .setReferral(referral(Json.object(message, "referral")))
                .setErrors(errors(message))
                .setContacts(List.of())
                .setRawJson(rawJson);
        JsonNode payload = metaType == null ? null : Json.object(message, metaType);
        switch (type) {
            case TEXT ->
                record.setText(payload == null ? null : new TextContent(nullToEmpty(Json.text(payload, "body"))));
            case IMAGE, AUDIO, VIDEO, DOCUMENT, STICKER -> record.setMedia(media(payload));
            case LOCATION -> record.setLocation(location(payload));
            case CONTACTS -> record.setContacts(contacts(message));
            case INTERACTIVE -> record.setReply(interactive(payload));
            case BUTTON -> record.setReply(templateButton(payload));
            case ORDER -> record.setOrder(order(payload));
            case REACTION -> record.setReaction(reaction(payload));
            case SYSTEM -> record.setSystem(system(payload));
            case UNSUPPORTED -> {
                // kept as it came: metaType, errors and rawJson tell readers what it was
            }
        }
        DedupKey key;
        if (wamid == null) {
            key = DedupKey.ofContent("msg", sha256(rawJson));
        } else if (type == InboundMessageType.REACTION) {
            key = DedupKey.ofReaction(wamid, payload != null && Json.text(payload, "emoji") == null);
        } else {
            key = DedupKey.ofMessage(wamid);
        }
        return new ParsedItem.Message(key, sender, sentAt, metaType == null ? "" : metaType, record.build());
    }

    private ParsedItem status(Envelope envelope, JsonNode status) {
        String rawJson = mapper.writeValueAsString(status);
        String recipientId = SenderIdentityNormal.waId(Json.text(status, "recipient_id"));
        String recipientUserId = Json.text(status, "recipient_user_id");
        JsonNode contact = envelope.contactFor(recipientId, recipientUserId);
        SenderIdentity recipient = new SenderIdentity(recipientId, recipientUserId);
        String wamid = Json.text(status, "id");
        String metaStatus = Json.text(status, "status");
        Instant occurredAt = seconds(Json.text(status, "timestamp"), envelope.receivedAt());
        JsonNode conversation = Json.object(status, "conversation");
        JsonNode pricing = Json.object(status, "pricing");
        DeliveryStatus record = DeliveryStatus.newBuilder()
                .setMessageId(wamid == null ? "" : wamid)
                .setStatus(stateOf(metaStatus))
                .setMetaStatus(metaStatus == null ? "" : metaStatus)
                .setRecipient(user(recipient, contact))
                .setPhoneNumberId(envelope.phoneNumberId())
                .setOccurredAt(occurredAt)
                .setReceivedAt(envelope.receivedAt())
                .setBizOpaqueCallbackData(Json.text(status, "biz_opaque_callback_data"))
                .setConversationId(Json.text(conversation, "id"))
                .setConversationOrigin(Json.text(Json.object(conversation, "origin"), "type"))
                .setPricingCategory(Json.text(pricing, "category"))
                .setPricingType(Json.text(pricing, "type"))
                .setBillable(Json.optionalBool(pricing, "billable"))
                .setErrors(errors(status))
                .setRawJson(rawJson)
                .build();
        DedupKey key = wamid == null
                ? DedupKey.ofContent("status", sha256(rawJson))
                : DedupKey.ofStatus(wamid, metaStatus == null ? "" : metaStatus);
        return new ParsedItem.Status(key, recipient, occurredAt, metaStatus == null ? "" : metaStatus, record);
    }

    static InboundMessageType typeOf(String metaType) {
        if (metaType == null) {
            return InboundMessageType.UNSUPPORTED;
        }
        return switch (metaType) {
            case "text" -> InboundMessageType.TEXT;
            case "image" -> InboundMessageType.IMAGE;
            case "audio", "voice" -> InboundMessageType.AUDIO;
            case "video" -> InboundMessageType.VIDEO;
            case "document" -> InboundMessageType.DOCUMENT;
            case "sticker" -> InboundMessageType.STICKER;
            case "location" -> InboundMessageType.LOCATION;
            case "contacts" -> InboundMessageType.CONTACTS;
            case "interactive" -> InboundMessageType.INTERACTIVE;
            case "button" -> InboundMessageType.BUTTON;
            case "order" -> InboundMessageType.ORDER;
            case "reaction" -> InboundMessageType.REACTION;
            case "system" -> InboundMessageType.SYSTEM;
            default -> InboundMessageType.UNSUPPORTED;
        };
    }

    static DeliveryState stateOf(String status) {
        if (status == null) {
            return DeliveryState.UNKNOWN;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "sent" -> DeliveryState.SENT;
            case "delivered" -> DeliveryState.DELIVERED;
            case "read" -> DeliveryState.READ;
            case "played" -> DeliveryState.PLAYED;
            case "failed" -> DeliveryState.FAILED;
            case "deleted" -> DeliveryState.DELETED;
            case "warning" -> DeliveryState.WARNING;
            default -> DeliveryState.UNKNOWN;
        };
    }

    private static WaUser user(SenderIdentity identity, JsonNode contact) {
        JsonNode profile = Json.object(contact, "profile");
        return WaUser.newBuilder()
                .setWaId(identity.waId())
                .setUserId(identity.userId())
                .setProfileName(Json.text(profile, "name"))
                .setUsername(Json.text(profile, "username"))
                .build();
    }

    private static MediaContent media(JsonNode payload) {
        if (payload == null) {
            return null;
        }
        return MediaContent.newBuilder()
                .setMediaId(Json.text(payload, "id"))
                .setMimeType(Json.text(payload, "mime_type"))
                .setSha256(Json.text(payload, "sha256"))
                .setCaption(Json.text(payload, "caption"))
                .setFilename(Json.text(payload, "filename"))
                .setUrl(Json.text(payload, "url"))
                .setVoice(Json.bool(payload, "voice"))
                .setAnimated(Json.bool(payload, "animated"))
                .build();
    }

    private static LocationContent location(JsonNode payload) {
        Double latitude = Json.number(payload, "latitude");
        Double longitude = Json.number(payload, "longitude");
        if (latitude == null || longitude == null) {
            return null; // a pin without coordinates is unusable; rawJson still has what came
        }
        return LocationContent.newBuilder()
                .setLatitude(latitude)
                .setLongitude(longitude)
                .setName(Json.text(payload, "name"))
                .setAddress(Json.text(payload, "address"))
                .setUrl(Json.text(payload, "url"))
                .build();
    }

    private static List<SharedContact> contacts(JsonNode message) {
        List<SharedContact> shared = new ArrayList<>();
        for (JsonNode contact : Json.array(message, "contacts")) {
            List<SharedPhone> phones = new ArrayList<>();
            for (JsonNode phone : Json.array(contact, "phones")) {
                phones.add(SharedPhone.newBuilder()
                        .setPhone(Json.text(phone, "phone"))
                        .setWaId(Json.text(phone, "wa_id"))
                        .setType(Json.text(phone, "type"))
                        .build());
            }
            shared.add(SharedContact.newBuilder()
                    .setFormattedName(Json.text(Json.object(contact, "name"), "formatted_name"))
                    .setPhones(phones)
                    .build());
        }
        return shared;
    }

    private static ReplyContent interactive(JsonNode payload) {
        if (payload == null) {
            return null;
        }
        String kind = Json.text(payload, "type");
        JsonNode reply = kind == null ? null : Json.object(payload, kind);
        ReplyContent.Builder content = ReplyContent.newBuilder()
                .setKind(
                        switch (kind == null ? "" : kind) {
                            case "button_reply" -> ReplyKind.BUTTON_REPLY;
                            case "list_reply" -> ReplyKind.LIST_REPLY;
                            case "nfm_reply" -> ReplyKind.FLOW_REPLY;
                            default -> ReplyKind.OTHER;
                        })
                .setId(Json.text(reply, "id"))
                .setTitle(Json.text(reply, "title"))
                .setDescription(Json.text(reply, "description"))
                .setResponseJson(Json.text(reply, "response_json"));
        if ("nfm_reply".equals(kind)) {
            // a Flow completion has no id/title: its name and body say what it was
            content.setId(Json.text(reply, "name")).setTitle(Json.text(reply, "body"));
        }
        return content.build();
    }

    private static ReplyContent templateButton(JsonNode payload) {
        if (payload == null) {
            return null;
        }
        return ReplyContent.newBuilder()
                .setKind(ReplyKind.TEMPLATE_BUTTON)
                .setId(Json.text(payload, "payload"))
                .setTitle(Json.text(payload, "text"))
                .build();
    }

    private static CartOrderContent order(JsonNode payload) {
        if (payload == null) {
            return null;
        }
        List<CartItem> items = new ArrayList<>();
        for (JsonNode item : Json.array(payload, "product_items")) {
            Integer quantity = Json.integer(item, "quantity");
            var price = Json.decimal(item, "item_price");
            items.add(CartItem.newBuilder()
                    .setProductRetailerId(nullToEmpty(Json.text(item, "product_retailer_id")))
                    .setQuantity(quantity == null ? 0 : quantity)
                    .setItemPrice(price == null ? null : price.toPlainString())
                    .setCurrency(Json.text(item, "currency"))
                    .build());
        }
        return CartOrderContent.newBuilder()
                .setCatalogId(Json.text(payload, "catalog_id"))
                .setText(Json.text(payload, "text"))
                .setItems(items)
                .build();
    }

    private static ReactionContent reaction(JsonNode payload) {
        if (payload == null) {
            return null;
        }
        return ReactionContent.newBuilder()
                .setMessageId(nullToEmpty(Json.text(payload, "message_id")))
                .setEmoji(Json.text(payload, "emoji"))
                .build();
    }

    private static SystemContent system(JsonNode payload) {
        if (payload == null) {
            return null;
        }
        return SystemContent.newBuilder()
                .setBody(Json.text(payload, "body"))
                .setNewWaId(Json.text(payload, "wa_id"))
                .setSystemType(Json.text(payload, "type"))
                .build();
    }

    private static MessageContext context(JsonNode context) {
        if (context == null) {
            return null;
        }
        JsonNode product = Json.object(context, "referred_product");
        return MessageContext.newBuilder()
                .setFrom(Json.text(context, "from"))
                .setMessageId(Json.text(context, "id"))
                .setForwarded(Json.bool(context, "forwarded"))
                .setFrequentlyForwarded(Json.bool(context, "frequently_forwarded"))
                .setReferredCatalogId(Json.text(product, "catalog_id"))
                .setReferredProductRetailerId(Json.text(product, "product_retailer_id"))
                .build();
    }

    private static Referral referral(JsonNode referral) {
        if (referral == null) {
            return null;
        }
        String mediaUrl = Json.text(referral, "image_url");
        if (mediaUrl == null) {
            mediaUrl = Json.text(referral, "video_url");
        }
        return Referral.newBuilder()
                .setSourceUrl(Json.text(referral, "source_url"))
                .setSourceId(Json.text(referral, "source_id"))
                .setSourceType(Json.text(referral, "source_type"))
                .setHeadline(Json.text(referral, "headline"))
                .setBody(Json.text(referral, "body"))
                .setMediaType(Json.text(referral, "media_type"))
                .setMediaUrl(mediaUrl)
                .setCtwaClid(Json.text(referral, "ctwa_clid"))
                .build();
    }

    private static List<WaError> errors(JsonNode node) {
        List<WaError> errors = new ArrayList<>();
        for (JsonNode error : Json.array(node, "errors")) {
            Integer code = Json.integer(error, "code");
            errors.add(WaError.newBuilder()
                    .setCode(code == null ? 0 : code)
                    .setTitle(Json.text(error, "title"))
                    .setMessage(Json.text(error, "message"))
                    .setDetails(Json.text(Json.object(error, "error_data"), "details"))
                    .setHref(Json.text(error, "href"))
                    .build());
        }
        return errors;
    }

    private static Instant seconds(String timestamp, Instant fallback) {
        if (timestamp == null) {
            return fallback;
        }
        try {
            long seconds = Long.parseLong(timestamp.strip());
            // beyond what Avro's millisecond timestamps (and any real clock) can hold
            return Math.abs(seconds) > 9_000_000_000_000L ? fallback : Instant.ofEpochSecond(seconds);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Same normalisation as {@link SenderIdentity}, for comparing raw numbers. */
    private static final class SenderIdentityNormal {
        static String waId(String raw) {
            return new SenderIdentity(raw, null).waId();
        }
    }
}
