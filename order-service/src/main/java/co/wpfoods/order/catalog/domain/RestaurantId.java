package co.wpfoods.order.catalog.domain;

import java.util.Objects;
import java.util.UUID;

/** Identity of a restaurant on WPFoods. */
public record RestaurantId(String value) {

    public RestaurantId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new InvalidCatalogException("restaurant id must not be blank");
        }
    }

    public static RestaurantId newId() {
        return new RestaurantId("r-" + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}
