package co.wpfoods.ai.understanding.domain;

import java.util.List;

/**
 * Everything a message said besides its intent. Absent values are null; items is never null. {@code choice} is the
 * position picked from our last numbered list (1-based, -1 = the last line) and {@code quantity} the number given to
 * our "how many?" question; both come only from a short reply read against the conversation's last question.
 */
public record Entities(
        List<ItemMention> items,
        String restaurantId,
        Address address,
        TimeRequest time,
        PaymentMethod paymentMethod,
        String pin,
        String orderReference,
        Long priceCop,
        Integer choice,
        Integer quantity) {

    public Entities {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public Entities(
            List<ItemMention> items,
            String restaurantId,
            Address address,
            TimeRequest time,
            PaymentMethod paymentMethod,
            String pin,
            String orderReference,
            Long priceCop) {
        this(items, restaurantId, address, time, paymentMethod, pin, orderReference, priceCop, null, null);
    }

    public static Entities none() {
        return new Entities(List.of(), null, null, null, null, null, null, null);
    }
}
