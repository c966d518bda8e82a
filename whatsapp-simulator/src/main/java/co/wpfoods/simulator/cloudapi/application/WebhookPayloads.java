package co.wpfoods.simulator.cloudapi.application;

import co.wpfoods.simulator.cloudapi.domain.BusinessAccount;
import co.wpfoods.simulator.cloudapi.domain.GraphError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Builders for the {@code value} of a messages webhook, with Meta's field names (reference §2.3, §3, §4). */
public final class WebhookPayloads {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final BusinessAccount account;

    public WebhookPayloads(BusinessAccount account) {
        this.account = account;
    }

    /** {@code value} for one inbound message from a user with this profile name. */
    public ObjectNode inbound(String waId, String profileName, ObjectNode message) {
        ObjectNode value = base();
        if (!"system".equals(message.path("type").asString(""))) { // Meta sends no contacts with system messages
            ArrayNode contacts = value.putArray("contacts");
            ObjectNode contact = contacts.addObject();
            contact.putObject("profile").put("name", profileName);
            contact.put("wa_id", waId);
        }
        value.putArray("messages").add(message);
        return value;
    }

    /** The common part of an inbound message object. */
    public static ObjectNode message(
            String id, String from, long timestamp, String type, String contextId, String contextFrom) {
        ObjectNode message = NODES.objectNode();
        if (contextId != null) {
            ObjectNode context = message.putObject("context");
            context.put("from", contextFrom);
            context.put("id", contextId);
        }
        message.put("from", from);
        message.put("id", id);
        message.put("timestamp", Long.toString(timestamp));
        message.put("type", type);
        return message;
    }

    /** {@code value} for one status of a message the business sent. */
    public ObjectNode status(StatusUpdate update) {
        ObjectNode status = NODES.objectNode();
        status.put("id", update.messageId());
        status.put("status", update.status());
        status.put("timestamp", Long.toString(update.timestamp()));
        status.put("recipient_id", update.recipientId());
        if (update.callbackData() != null && !update.status().equals("failed")) {
            status.put("biz_opaque_callback_data", update.callbackData());
        }
        if (update.withPricing()) {
            ObjectNode conversation = status.putObject("conversation");
            conversation.put("id", update.conversationId());
            if (update.status().equals("sent")) {
                conversation.put("expiration_timestamp", Long.toString(update.timestamp() + 24 * 3600));
            }
            conversation.putObject("origin").put("type", update.category());
            ObjectNode pricing = status.putObject("pricing");
            pricing.put("billable", update.billable());
            pricing.put("pricing_model", "PMP");
            pricing.put("type", update.pricingType());
            pricing.put("category", update.category());
        }
        if (update.error() != null) {
            ArrayNode errors = status.putArray("errors");
            ObjectNode error = errors.addObject();
            error.put("code", update.error().code());
            error.put("title", update.error().title());
            error.put("message", update.error().title());
            error.putObject("error_data").put("details", update.errorDetails());
            error.put("href", "/documentation/business-messaging/whatsapp/support/error-codes");
        }
        ObjectNode value = base();
        value.putArray("statuses").add(status);
        return value;
    }

    public record StatusUpdate(
            String messageId,
            String status,
            long timestamp,
            String recipientId,
            String callbackData,
            boolean withPricing,
            String conversationId,
            String category,
            String pricingType,
            boolean billable,
            GraphError error,
            String errorDetails) {}

    private ObjectNode base() {
        ObjectNode value = NODES.objectNode();
        value.put("messaging_product", "whatsapp");
        ObjectNode metadata = value.putObject("metadata");
        metadata.put("display_phone_number", account.displayPhoneNumber());
        metadata.put("phone_number_id", account.phoneNumberId());
        return value;
    }

    /** Meta's envelope around one value (reference §2.3). */
    public static ObjectNode envelope(String wabaId, JsonNode value) {
        ObjectNode envelope = NODES.objectNode();
        envelope.put("object", "whatsapp_business_account");
        ObjectNode entry = envelope.putArray("entry").addObject();
        entry.put("id", wabaId);
        ObjectNode change = entry.putArray("changes").addObject();
        change.put("field", "messages");
        change.set("value", value);
        return envelope;
    }
}
