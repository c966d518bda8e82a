package co.wpfoods.simulator.cloudapi.application;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What a simulated user can send, as accepted by {@code POST /sim/api/phones/{waId}/messages}.
 * {@code contextId} (optional) quotes a business message; replies find it by themselves.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = UserMessage.Text.class, name = "text"),
    @JsonSubTypes.Type(value = UserMessage.ButtonReply.class, name = "button_reply"),
    @JsonSubTypes.Type(value = UserMessage.ListReply.class, name = "list_reply"),
    @JsonSubTypes.Type(value = UserMessage.Location.class, name = "location"),
    @JsonSubTypes.Type(value = UserMessage.Media.class, name = "media"),
    @JsonSubTypes.Type(value = UserMessage.Order.class, name = "order"),
    @JsonSubTypes.Type(value = UserMessage.Reaction.class, name = "reaction"),
    @JsonSubTypes.Type(value = UserMessage.Raw.class, name = "raw")
})
public sealed interface UserMessage {

    record Text(String text, String contextId) implements UserMessage {}

    /** Taps a reply button (interactive) or a template quick-reply button, by its id/payload. */
    record ButtonReply(String id, String contextId) implements UserMessage {}

    /** Picks a list row by its id. */
    record ListReply(String id, String contextId) implements UserMessage {}

    record Location(double latitude, double longitude, String name, String address, String contextId)
            implements UserMessage {}

    /** An uploaded file ({@code POST /sim/api/media}) sent as image, audio (voice note), video, document or sticker. */
    record Media(String kind, String mediaId, String caption, Boolean voice, String contextId) implements UserMessage {}

    record Order(String catalogId, String text, List<Item> items) implements UserMessage {
        public record Item(String productRetailerId, int quantity, BigDecimal itemPrice, String currency) {}
    }

    /** Reacts to a business message; no emoji removes the reaction. */
    record Reaction(String messageId, String emoji) implements UserMessage {}

    /** Any message object as Meta would deliver it ({@code from}, {@code id}, {@code timestamp} filled in if absent). */
    record Raw(JsonNode message) implements UserMessage {}
}
