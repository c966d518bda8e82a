package co.wpfoods.order.conversation.application;

import co.wpfoods.order.conversation.domain.Input;
import co.wpfoods.schemas.wa.InboundMessage;
import co.wpfoods.schemas.wa.WaUser;

/** One inbound message, decoded from its Avro record: who sent it, what kind of input it is, and its wamid. */
public record CustomerMessage(String messageId, WaUser from, Input input, boolean rateLimited) {

    /** The identity we key on: {@code wa_id} when present, else the business-scoped user id. */
    public String key() {
        return from.getWaId() != null && !from.getWaId().isEmpty() ? from.getWaId() : from.getUserId();
    }

    public String profileName() {
        return from.getProfileName();
    }

    public static CustomerMessage of(InboundMessage m) {
        return new CustomerMessage(m.getMessageId(), m.getFrom(), input(m), m.getRateLimited());
    }

    static Input input(InboundMessage m) {
        if (m.getReply() != null && m.getReply().getId() != null) {
            return new Input.Tap(m.getReply().getId(), m.getReply().getTitle());
        }
        if (m.getText() != null) {
            return new Input.Text(m.getText().getBody());
        }
        if (m.getLocation() != null) {
            var l = m.getLocation();
            return new Input.Location(l.getLatitude(), l.getLongitude(), l.getName(), l.getAddress());
        }
        if (m.getOrder() != null) {
            return new Input.CatalogCart(
                    m.getOrder().getItems().stream()
                            .map(i -> new Input.CatalogCart.Item(i.getProductRetailerId(), i.getQuantity()))
                            .toList(),
                    m.getOrder().getText());
        }
        if (m.getReaction() != null) {
            return new Input.Reaction(m.getReaction().getEmoji());
        }
        if (m.getMedia() != null && m.getMedia().getCaption() != null) {
            return new Input.Text(m.getMedia().getCaption());
        }
        return new Input.Other(m.getMetaType());
    }
}
