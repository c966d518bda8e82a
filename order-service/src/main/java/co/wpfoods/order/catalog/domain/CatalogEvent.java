package co.wpfoods.order.catalog.domain;

import java.time.Instant;

/** What happened to the catalog; each one is published so the role directory and the menu index follow. */
public sealed interface CatalogEvent {

    RestaurantId restaurantId();

    Instant occurredAt();

    record RestaurantRegistered(Restaurant restaurant, Instant occurredAt) implements CatalogEvent {
        @Override
        public RestaurantId restaurantId() {
            return restaurant.id();
        }
    }

    record MenuPublished(Restaurant restaurant, Menu menu, Instant occurredAt) implements CatalogEvent {
        @Override
        public RestaurantId restaurantId() {
            return restaurant.id();
        }
    }
}
