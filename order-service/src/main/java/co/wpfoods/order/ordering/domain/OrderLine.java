package co.wpfoods.order.ordering.domain;

import co.wpfoods.order.catalog.domain.Cop;
import java.util.List;
import java.util.Objects;

/**
 * One line of an order as it was sold: the item's name and base price at the time, the chosen modifiers with their
 * price changes, the quantity. A modifier may lower the price (a smaller size) but a unit never costs less than 0.
 */
public record OrderLine(
        String itemId, String name, int quantity, Cop basePrice, List<ChosenModifier> modifiers, String note) {

    public static final int MAX_QUANTITY = 50;

    public OrderLine {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(basePrice, "basePrice");
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("a line has 1.." + MAX_QUANTITY + " units, got " + quantity);
        }
        modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
    }

    public record ChosenModifier(String modifierId, String name, long priceDeltaCop) {}

    /** Base price plus modifiers, never below zero. */
    public Cop unitPrice() {
        long unit = basePrice.value()
                + modifiers.stream().mapToLong(ChosenModifier::priceDeltaCop).sum();
        return Cop.of(Math.max(0, unit));
    }

    public Cop total() {
        return Cop.of(unitPrice().value() * quantity);
    }

    public OrderLine withQuantity(int value) {
        return new OrderLine(itemId, name, value, basePrice, modifiers, note);
    }
}
