package co.wpfoods.order.conversation.domain;

import co.wpfoods.order.catalog.domain.Cop;
import co.wpfoods.order.ordering.domain.OrderLine;
import java.util.List;

/** A line in a customer's cart, with the price it showed when added (base price and chosen modifiers). */
public record CartLine(
        String itemId,
        String name,
        int quantity,
        long basePriceCop,
        List<OrderLine.ChosenModifier> modifiers,
        String note) {

    public CartLine {
        modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
    }

    public OrderLine toOrderLine() {
        return new OrderLine(itemId, name, quantity, Cop.of(basePriceCop), modifiers, note);
    }

    public CartLine withQuantity(int value) {
        return new CartLine(itemId, name, value, basePriceCop, modifiers, note);
    }

    public CartLine withBasePrice(long value) {
        return new CartLine(itemId, name, quantity, value, modifiers, note);
    }

    public CartLine withModifier(OrderLine.ChosenModifier modifier) {
        var more = new java.util.ArrayList<>(modifiers);
        more.add(modifier);
        return new CartLine(itemId, name, quantity, basePriceCop, more, note);
    }

    public long totalCop() {
        return toOrderLine().total().value();
    }

    public boolean sameChoiceAs(CartLine other) {
        return itemId.equals(other.itemId())
                && modifiers.equals(other.modifiers())
                && java.util.Objects.equals(note, other.note());
    }
}
