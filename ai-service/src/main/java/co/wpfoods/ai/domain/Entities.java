package co.wpfoods.ai.domain;

import java.util.List;

/** Everything a message said besides its intent. Absent values are null; items is never null. */
public record Entities(
        List<ItemMention> items,
        String restaurantId,
        Address address,
        TimeRequest time,
        PaymentMethod paymentMethod,
        String pin,
        String orderReference,
        Long priceCop) {

    public Entities {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public static Entities none() {
        return new Entities(List.of(), null, null, null, null, null, null, null);
    }
}
