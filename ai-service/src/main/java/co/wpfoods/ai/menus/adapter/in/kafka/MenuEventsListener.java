package co.wpfoods.ai.menus.adapter.in.kafka;

import co.wpfoods.ai.menus.application.KeepingMenusCurrent;
import co.wpfoods.ai.menus.domain.MenuSnapshot;
import co.wpfoods.eventing.UnhandledEventException;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.restaurants.MenuItem;
import co.wpfoods.schemas.restaurants.MenuModifier;
import co.wpfoods.schemas.restaurants.MenuPublished;
import co.wpfoods.schemas.restaurants.RestaurantRegistered;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the menu index current from {@code orders.restaurant.v1}. Idempotent by menu version (an older or repeated
 * version changes nothing), so no inbox row is needed.
 */
@Component
@ConditionalOnProperty(name = "wpfoods.ai.kafka.enabled", havingValue = "true", matchIfMissing = true)
class MenuEventsListener {

    static final String CONSUMER = "ai-service.menus";

    private final KeepingMenusCurrent menus;

    MenuEventsListener(KeepingMenusCurrent menus) {
        this.menus = menus;
    }

    @KafkaListener(topics = Topics.Orders.RESTAURANT, groupId = "ai-service.menus")
    void on(ConsumerRecord<String, SpecificRecord> record) {
        switch (record.value()) {
            case MenuPublished m -> menus.apply(toSnapshot(m));
            case RestaurantRegistered r -> {
                // the menu arrives with MenuPublished; registration alone changes nothing in the index
            }
            case null, default -> throw new UnhandledEventException(CONSUMER, record.value());
        }
    }

    static MenuSnapshot toSnapshot(MenuPublished m) {
        return new MenuSnapshot(
                m.getRestaurantId(),
                m.getRestaurantName(),
                m.getVersion(),
                m.getOpen(),
                m.getItems().stream().map(MenuEventsListener::item).toList());
    }

    private static MenuSnapshot.MenuItem item(MenuItem i) {
        return new MenuSnapshot.MenuItem(
                i.getItemId(),
                i.getName(),
                i.getDescription(),
                i.getCategory(),
                i.getPriceCop(),
                i.getAvailable(),
                i.getModifiers().stream()
                        .map((MenuModifier x) ->
                                new MenuSnapshot.MenuModifier(x.getModifierId(), x.getName(), x.getPriceCop()))
                        .toList());
    }
}
