package co.wpfoods.order.catalog.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** One dish or drink: its price in COP, its category and the modifiers a customer may add. */
public record MenuItem(
        String itemId,
        String name,
        String description,
        String category,
        Cop price,
        boolean available,
        List<Modifier> modifiers) {

    public MenuItem {
        itemId = Restaurant.requireText(itemId, "item id", 64);
        name = Restaurant.requireText(name, "item name", 100);
        description = Restaurant.optionalText(description, "item description", 500);
        category = Restaurant.optionalText(category, "item category", 60);
        Objects.requireNonNull(price, "price");
        if (price.isZero()) {
            throw new InvalidCatalogException("item " + itemId + " needs a price above 0 COP");
        }
        modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
        var ids = new HashSet<String>();
        for (Modifier modifier : modifiers) {
            if (!ids.add(modifier.modifierId())) {
                throw new InvalidCatalogException("item " + itemId + " repeats modifier id " + modifier.modifierId());
            }
        }
    }

    /** An option on an item ("Extra queso", "Sin cebolla"); it may cost nothing. */
    public record Modifier(String modifierId, String name, Cop price) {
        public Modifier {
            modifierId = Restaurant.requireText(modifierId, "modifier id", 64);
            name = Restaurant.requireText(name, "modifier name", 100);
            Objects.requireNonNull(price, "price");
        }
    }
}
