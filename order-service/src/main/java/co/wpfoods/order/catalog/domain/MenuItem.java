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
        List<ModifierGroup> modifierGroups,
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
        modifierGroups = modifierGroups == null ? List.of() : List.copyOf(modifierGroups);
        modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
        var groupIds = new HashSet<String>();
        for (ModifierGroup group : modifierGroups) {
            if (!groupIds.add(group.groupId())) {
                throw new InvalidCatalogException("item " + itemId + " repeats modifier group " + group.groupId());
            }
        }
        var ids = new HashSet<String>();
        for (Modifier modifier : modifiers) {
            if (!ids.add(modifier.modifierId())) {
                throw new InvalidCatalogException("item " + itemId + " repeats modifier id " + modifier.modifierId());
            }
            if (modifier.groupId() != null && !groupIds.contains(modifier.groupId())) {
                throw new InvalidCatalogException(
                        "modifier " + modifier.modifierId() + " names unknown group " + modifier.groupId());
            }
            if (price.value() + modifier.price().value() < 0) {
                throw new InvalidCatalogException(
                        "modifier " + modifier.modifierId() + " would make " + itemId + " cost less than 0 COP");
            }
        }
        for (ModifierGroup group : modifierGroups) {
            long options = modifiers.stream()
                    .filter(m -> group.groupId().equals(m.groupId()))
                    .count();
            if (options < group.min()) {
                throw new InvalidCatalogException("modifier group " + group.groupId() + " of " + itemId
                        + " needs at least " + group.min() + " options");
            }
        }
    }

    public MenuItem(
            String itemId,
            String name,
            String description,
            String category,
            Cop price,
            boolean available,
            List<Modifier> modifiers) {
        this(itemId, name, description, category, price, available, List.of(), modifiers);
    }

    public List<Modifier> modifiersOf(ModifierGroup group) {
        return modifiers.stream()
                .filter(m -> group.groupId().equals(m.groupId()))
                .toList();
    }

    public java.util.Optional<Modifier> modifier(String modifierId) {
        return modifiers.stream().filter(m -> m.modifierId().equals(modifierId)).findFirst();
    }

    public MenuItem withAvailable(boolean value) {
        return new MenuItem(itemId, name, description, category, price, value, modifierGroups, modifiers);
    }

    public MenuItem withPrice(Cop value) {
        return new MenuItem(itemId, name, description, category, value, available, modifierGroups, modifiers);
    }

    /**
     * An option on an item ("Extra queso", "Sin cebolla", "Personal"); it may cost nothing or, for a smaller size, less
     * than nothing. {@code groupId} is null for a free extra outside any group.
     */
    public record Modifier(String modifierId, String name, CopDelta price, String groupId) {
        public Modifier {
            modifierId = Restaurant.requireText(modifierId, "modifier id", 64);
            name = Restaurant.requireText(name, "modifier name", 100);
            Objects.requireNonNull(price, "price");
            groupId = Restaurant.optionalText(groupId, "modifier group", 64);
        }

        public Modifier(String modifierId, String name, CopDelta price) {
            this(modifierId, name, price, null);
        }
    }
}
