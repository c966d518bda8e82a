package co.wpfoods.ai.menus.domain;

import java.util.List;

/** The whole current menu of one restaurant, as published by order-service. */
public record MenuSnapshot(
        String restaurantId, String restaurantName, long version, boolean open, List<MenuItem> items) {

    public MenuSnapshot {
        items = List.copyOf(items);
    }

    public record MenuItem(
            String itemId,
            String name,
            String description,
            String category,
            long priceCop,
            boolean available,
            List<MenuModifier> modifiers) {

        public MenuItem {
            modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
        }
    }

    public record MenuModifier(String modifierId, String name, long priceCop) {}
}
