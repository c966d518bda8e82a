package co.wpfoods.order.catalog.adapter.out.events;

import co.wpfoods.eventing.outbox.OutboxEvent;
import co.wpfoods.eventing.outbox.OutboxWriter;
import co.wpfoods.order.catalog.application.CatalogEvents;
import co.wpfoods.order.catalog.domain.CatalogEvent;
import co.wpfoods.order.catalog.domain.MenuItem;
import co.wpfoods.order.catalog.domain.Restaurant;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.common.GeoPoint;
import co.wpfoods.schemas.restaurants.MenuModifier;
import co.wpfoods.schemas.restaurants.MenuPublished;
import co.wpfoods.schemas.restaurants.RestaurantRegistered;
import co.wpfoods.schemas.wa.WaId;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;

/** Catalog events → Avro → outbox rows on {@code orders.restaurant.v1}, keyed by restaurant id. */
@Component
class OutboxCatalogEvents implements CatalogEvents {

    private final OutboxWriter outbox;

    OutboxCatalogEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(CatalogEvent event) {
        String key = event.restaurantId().value();
        outbox.append(OutboxEvent.of(Topics.Orders.RESTAURANT, key, toAvro(event), key));
    }

    static SpecificRecord toAvro(CatalogEvent event) {
        return switch (event) {
            case CatalogEvent.RestaurantRegistered registered -> registered(registered);
            case CatalogEvent.MenuPublished published -> published(published);
        };
    }

    private static RestaurantRegistered registered(CatalogEvent.RestaurantRegistered event) {
        Restaurant restaurant = event.restaurant();
        return RestaurantRegistered.newBuilder()
                .setRestaurantId(restaurant.id().value())
                .setName(restaurant.name())
                .setStaffWaIds(restaurant.staff().stream().map(WaId::value).toList())
                .setAddress(restaurant.address())
                .setLocation(
                        restaurant.location() == null
                                ? null
                                : new GeoPoint(
                                        restaurant.location().latitude(),
                                        restaurant.location().longitude()))
                .setZone(restaurant.zone())
                .setOccurredAt(event.occurredAt())
                .build();
    }

    private static MenuPublished published(CatalogEvent.MenuPublished event) {
        return MenuPublished.newBuilder()
                .setRestaurantId(event.restaurant().id().value())
                .setRestaurantName(event.restaurant().name())
                .setVersion(event.menu().version())
                .setOpen(event.menu().open())
                .setItems(event.menu().items().stream()
                        .map(OutboxCatalogEvents::item)
                        .toList())
                .setOccurredAt(event.occurredAt())
                .build();
    }

    private static co.wpfoods.schemas.restaurants.MenuItem item(MenuItem item) {
        return co.wpfoods.schemas.restaurants.MenuItem.newBuilder()
                .setItemId(item.itemId())
                .setName(item.name())
                .setDescription(item.description())
                .setCategory(item.category())
                .setPriceCop(item.price().value())
                .setAvailable(item.available())
                .setModifiers(item.modifiers().stream()
                        .map(m -> new MenuModifier(
                                m.modifierId(), m.name(), m.price().value()))
                        .toList())
                .build();
    }
}
