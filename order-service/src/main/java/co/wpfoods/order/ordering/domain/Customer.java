package co.wpfoods.order.ordering.domain;

import java.util.Objects;

/**
 * Who ordered: {@code key} is the WhatsApp identity we key on ({@code wa_id}, else the business-scoped user id), with
 * both kept as Meta sent them and the profile's first name for the restaurant.
 */
public record Customer(String key, String waId, String userId, String name) {
    public Customer {
        Objects.requireNonNull(key, "key");
    }

    public String firstName() {
        if (name == null || name.isBlank()) {
            return null;
        }
        return name.strip().split("\\s+")[0];
    }
}
