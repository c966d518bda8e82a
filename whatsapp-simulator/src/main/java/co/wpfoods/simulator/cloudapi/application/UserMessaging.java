package co.wpfoods.simulator.cloudapi.application;

import co.wpfoods.simulator.cloudapi.application.Conversations.ChatMessage;
import co.wpfoods.simulator.cloudapi.application.Conversations.Direction;
import co.wpfoods.simulator.cloudapi.application.Conversations.Phone;
import co.wpfoods.simulator.cloudapi.domain.BusinessAccount;
import co.wpfoods.simulator.cloudapi.domain.MediaKind;
import co.wpfoods.simulator.cloudapi.domain.MessageIds;
import java.time.Clock;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Users writing to the business: builds Meta's inbound message objects (§3.2) and delivers them. */
public final class UserMessaging {

    /** A user action that cannot happen (unknown phone, no such button …); maps to HTTP 4xx. */
    public static final class UserActionException extends RuntimeException {
        private final boolean notFound;

        public UserActionException(String message, boolean notFound) {
            super(message);
            this.notFound = notFound;
        }

        public boolean notFound() {
            return notFound;
        }
    }

    private final BusinessAccount account;
    private final Conversations conversations;
    private final MediaStore media;
    private final WebhookPayloads payloads;
    private final WebhookPublisher publisher;
    private final SendPolicy policy;
    private final Clock clock;
    private final TimingFeed timings;

    public UserMessaging(
            BusinessAccount account,
            Conversations conversations,
            MediaStore media,
            WebhookPayloads payloads,
            WebhookPublisher publisher,
            SendPolicy policy,
            Clock clock) {
        this(account, conversations, media, payloads, publisher, policy, clock, new TimingFeed());
    }

    public UserMessaging(
            BusinessAccount account,
            Conversations conversations,
            MediaStore media,
            WebhookPayloads payloads,
            WebhookPublisher publisher,
            SendPolicy policy,
            Clock clock,
            TimingFeed timings) {
        this.timings = timings;
        this.account = account;
        this.conversations = conversations;
        this.media = media;
        this.payloads = payloads;
        this.publisher = publisher;
        this.policy = policy;
        this.clock = clock;
    }

    public ChatMessage send(String waId, UserMessage command) {
        Phone phone = conversations
                .phone(waId)
                .orElseThrow(() -> new UserActionException("No phone " + waId + "; create it first.", true));
        String id = MessageIds.newWamid(waId);
        long now = clock.instant().getEpochSecond();
        ObjectNode message = build(waId, id, now, command);
        String messageId = message.path("id").asString(id);
        String type = message.path("type").asString("unsupported");
        String contextId = message.path("context").path("id").asString(null);
        ChatMessage stored = new ChatMessage(
                messageId, waId, Direction.FROM_USER, type, message, null, contextId, null, now, "sent", null);
        conversations.add(stored);
        if (!type.equals("system") && !type.equals("reaction")) {
            policy.userMessaged(waId);
        }
        publisher.publish(payloads.inbound(waId, phone.name(), message), () -> {
            conversations.advance(messageId, "delivered", null);
            timings.publish(new TimingFeed.InboundDelivered(messageId, waId, clock.millis()));
        });
        return stored;
    }

    private ObjectNode build(String waId, String id, long now, UserMessage command) {
        return switch (command) {
            case UserMessage.Text text -> {
                require(text.text() != null && !text.text().isBlank(), "text is required");
                ObjectNode message = base(id, waId, now, "text", context(waId, text.contextId()));
                message.putObject("text").put("body", text.text());
                yield message;
            }
            case UserMessage.ButtonReply reply -> buttonReply(waId, id, now, reply);
            case UserMessage.ListReply reply -> listReply(waId, id, now, reply);
            case UserMessage.Location location -> {
                String contextId = location.contextId() != null
                        ? location.contextId()
                        : conversations
                                .latestToUser(waId, m -> true)
                                .filter(m -> m.type().equals("interactive")
                                        && m.content().path("type").asString("").equals("location_request_message"))
                                .map(ChatMessage::id)
                                .orElse(null);
                ObjectNode message = base(id, waId, now, "location", context(waId, contextId));
                ObjectNode body = message.putObject("location");
                body.put("latitude", location.latitude());
                body.put("longitude", location.longitude());
                putIfPresent(body, "name", location.name());
                putIfPresent(body, "address", location.address());
                yield message;
            }
            case UserMessage.Media file -> media(waId, id, now, file);
            case UserMessage.Order order -> {
                require(order.items() != null && !order.items().isEmpty(), "an order needs at least one item");
                ObjectNode message = base(id, waId, now, "order", null);
                ObjectNode body = message.putObject("order");
                body.put("catalog_id", order.catalogId() == null ? "194836987003835" : order.catalogId());
                putIfPresent(body, "text", order.text());
                ArrayNode items = body.putArray("product_items");
                for (UserMessage.Order.Item item : order.items()) {
                    require(
                            item.productRetailerId() != null && item.quantity() > 0,
                            "each item needs an id and a quantity");
                    ObjectNode node = items.addObject();
                    node.put("product_retailer_id", item.productRetailerId());
                    node.put("quantity", item.quantity());
                    node.put("item_price", item.itemPrice() == null ? java.math.BigDecimal.ZERO : item.itemPrice());
                    node.put("currency", item.currency() == null ? "COP" : item.currency());
                }
                yield message;
            }
            case UserMessage.Reaction reaction -> {
                require(reaction.messageId() != null, "messageId is required");
                ObjectNode message = base(id, waId, now, "reaction", null);
                ObjectNode body = message.putObject("reaction");
                body.put("message_id", reaction.messageId());
                if (reaction.emoji() != null && !reaction.emoji().isEmpty()) {
                    body.put("emoji", reaction.emoji());
                }
                yield message;
            }
            case UserMessage.Raw raw -> {
                require(raw.message() != null && raw.message().isObject(), "message must be a JSON object");
                ObjectNode message = (ObjectNode) raw.message().deepCopy();
                if (!message.has("from")) {
                    message.put("from", waId);
                }
                if (!message.has("id")) {
                    message.put("id", id);
                }
                if (!message.has("timestamp")) {
                    message.put("timestamp", Long.toString(now));
                }
                if (!message.has("type")) {
                    message.put("type", "unsupported");
                }
                yield message;
            }
        };
    }

    private ObjectNode buttonReply(String waId, String id, long now, UserMessage.ButtonReply reply) {
        require(reply.id() != null, "id is required");
        Optional<ChatMessage> interactive = find(waId, reply.contextId(), m -> buttonTitle(m, reply.id()) != null);
        if (interactive.isPresent()) {
            ObjectNode message = base(
                    id, waId, now, "interactive", contextNode(interactive.get().id()));
            ObjectNode body = message.putObject("interactive");
            body.put("type", "button_reply");
            ObjectNode buttonReply = body.putObject("button_reply");
            buttonReply.put("id", reply.id());
            buttonReply.put("title", buttonTitle(interactive.get(), reply.id()));
            return message;
        }
        ChatMessage template = find(waId, reply.contextId(), m -> templateButton(m, reply.id()) != null)
                .orElseThrow(() -> new UserActionException(
                        "No message to " + waId + " has a button with id or payload '" + reply.id() + "'.", false));
        ObjectNode message = base(id, waId, now, "button", contextNode(template.id()));
        ObjectNode button = message.putObject("button");
        button.put("payload", reply.id());
        button.put("text", templateButton(template, reply.id()));
        return message;
    }

    private ObjectNode listReply(String waId, String id, long now, UserMessage.ListReply reply) {
        require(reply.id() != null, "id is required");
        ChatMessage list = find(waId, reply.contextId(), m -> listRow(m, reply.id()) != null)
                .orElseThrow(() -> new UserActionException(
                        "No list sent to " + waId + " has a row with id '" + reply.id() + "'.", false));
        JsonNode row = listRow(list, reply.id());
        ObjectNode message = base(id, waId, now, "interactive", contextNode(list.id()));
        ObjectNode body = message.putObject("interactive");
        body.put("type", "list_reply");
        ObjectNode listReply = body.putObject("list_reply");
        listReply.put("id", reply.id());
        listReply.put("title", row.path("title").asString(""));
        if (row.hasNonNull("description")) {
            listReply.put("description", row.get("description").asString());
        }
        return message;
    }

    private ObjectNode media(String waId, String id, long now, UserMessage.Media file) {
        MediaKind kind = MediaKind.fromJsonName(file.kind() == null ? "" : file.kind())
                .orElseThrow(
                        () -> new UserActionException("kind must be image, audio, video, document or sticker", false));
        MediaStore.StoredMedia stored = media.find(file.mediaId() == null ? "" : file.mediaId())
                .orElseThrow(() -> new UserActionException("No media " + file.mediaId() + "; upload it first.", true));
        ObjectNode message = base(id, waId, now, kind.jsonName(), context(waId, file.contextId()));
        ObjectNode body = message.putObject(kind.jsonName());
        if (file.caption() != null && kind != MediaKind.AUDIO && kind != MediaKind.STICKER) {
            body.put("caption", file.caption());
        }
        if (kind == MediaKind.DOCUMENT) {
            body.put("filename", stored.filename() == null ? "document" : stored.filename());
        }
        body.put("mime_type", stored.mimeType());
        body.put("sha256", stored.sha256());
        body.put("id", stored.id());
        if (kind == MediaKind.AUDIO) {
            body.put("voice", file.voice() == null || file.voice());
        }
        if (kind == MediaKind.STICKER) {
            body.put("animated", false);
        }
        return message;
    }

    private Optional<ChatMessage> find(String waId, String contextId, java.util.function.Predicate<ChatMessage> test) {
        if (contextId != null) {
            return conversations
                    .find(contextId)
                    .filter(m -> m.waId().equals(waId))
                    .filter(test);
        }
        return conversations.latestToUser(waId, test);
    }

    private static String buttonTitle(ChatMessage message, String buttonId) {
        if (!message.type().equals("interactive")) {
            return null;
        }
        for (JsonNode button : message.content().path("action").path("buttons")) {
            if (buttonId.equals(button.path("reply").path("id").asString(null))) {
                return button.path("reply").path("title").asString("");
            }
        }
        return null;
    }

    private static String templateButton(ChatMessage message, String payload) {
        if (message.template() == null) {
            return null;
        }
        return message.template().buttons().stream()
                .filter(button -> payload.equals(button.payload()))
                .map(TemplateValidator.RenderedButton::text)
                .findFirst()
                .orElse(null);
    }

    private static JsonNode listRow(ChatMessage message, String rowId) {
        if (!message.type().equals("interactive")) {
            return null;
        }
        for (JsonNode section : message.content().path("action").path("sections")) {
            for (JsonNode row : section.path("rows")) {
                if (rowId.equals(row.path("id").asString(null))) {
                    return row;
                }
            }
        }
        return null;
    }

    private ObjectNode context(String waId, String contextId) {
        if (contextId == null) {
            return null;
        }
        conversations
                .find(contextId)
                .filter(m -> m.waId().equals(waId))
                .orElseThrow(() -> new UserActionException("No message " + contextId + " in this chat.", false));
        return contextNode(contextId);
    }

    private ObjectNode contextNode(String contextId) {
        ObjectNode context = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        context.put("from", account.displayPhoneNumber());
        context.put("id", contextId);
        return context;
    }

    private static ObjectNode base(String id, String waId, long now, String type, ObjectNode context) {
        ObjectNode message = WebhookPayloads.message(id, waId, now, type, null, null);
        if (context != null) {
            ObjectNode ordered = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            ordered.set("context", context);
            ordered.setAll(message);
            return ordered;
        }
        return message;
    }

    private static void putIfPresent(ObjectNode node, String key, String value) {
        if (value != null && !value.isBlank()) {
            node.put(key, value);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new UserActionException(message, false);
        }
    }
}
