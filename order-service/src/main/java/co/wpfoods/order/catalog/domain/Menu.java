package co.wpfoods.order.catalog.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The whole current menu of a restaurant. It is replaced as a whole on every change and versioned, so readers of
 * {@code MenuPublished} can drop an older version that arrives late.
 */
public record Menu(RestaurantId restaurantId, long version, boolean open, List<MenuItem> items) {

    public static final int MAX_ITEMS = 500;

    public Menu {
        Objects.requireNonNull(restaurantId, "restaurantId");
        if (version < 1) {
            throw new InvalidCatalogException("a menu version starts at 1");
        }
        items = items == null ? List.of() : List.copyOf(items);
        if (items.isEmpty()) {
            throw new InvalidCatalogException("a menu needs at least one item");
        }
        if (items.size() > MAX_ITEMS) {
            throw new InvalidCatalogException("a menu has at most " + MAX_ITEMS + " items");
        }
        var ids = new HashSet<String>();
        for (MenuItem item : items) {
            if (!ids.add(item.itemId())) {
                throw new InvalidCatalogException("item id " + item.itemId() + " appears twice");
            }
        }
    }

    /**
     * Publishes {@code items} as the restaurant's menu after {@code current} (null when it has none yet); returns the
     * new menu and its event.
     */
    public static Publication publish(
            Restaurant restaurant, Menu current, boolean open, List<MenuItem> items, Instant now) {
        long version = current == null ? 1 : current.version() + 1;
        var menu = new Menu(restaurant.id(), version, open, items);
        return new Publication(menu, new CatalogEvent.MenuPublished(restaurant, menu, now));
    }

    public record Publication(Menu menu, CatalogEvent.MenuPublished event) {}
}
