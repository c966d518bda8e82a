package co.wpfoods.order.catalog.adapter.in.web;

import co.wpfoods.order.catalog.domain.Cop;
import co.wpfoods.order.catalog.domain.GeoLocation;
import co.wpfoods.order.catalog.domain.InvalidCatalogException;
import co.wpfoods.order.catalog.domain.Menu;
import co.wpfoods.order.catalog.domain.MenuItem;
import co.wpfoods.order.catalog.domain.Restaurant;
import co.wpfoods.order.catalog.domain.WaId;
import java.math.BigDecimal;
import java.util.List;

/** The JSON bodies of the catalog API and their mapping to the domain. */
final class CatalogJson {

    private CatalogJson() {}

    record Location(Double latitude, Double longitude) {
        GeoLocation toDomain() {
            if (latitude == null || longitude == null) {
                throw new InvalidCatalogException("location needs latitude and longitude");
            }
            return new GeoLocation(latitude, longitude);
        }

        static Location of(GeoLocation location) {
            return location == null ? null : new Location(location.latitude(), location.longitude());
        }
    }

    record RegisterRestaurant(String name, List<String> staffWaIds, String address, Location location, String zone) {}

    record RestaurantView(
            String id, String name, List<String> staffWaIds, String address, Location location, String zone) {
        static RestaurantView of(Restaurant restaurant) {
            return new RestaurantView(
                    restaurant.id().value(),
                    restaurant.name(),
                    restaurant.staff().stream().map(WaId::value).toList(),
                    restaurant.address(),
                    Location.of(restaurant.location()),
                    restaurant.zone());
        }

        /** Staff WhatsApp numbers are personal data: only ops sees them (OWASP API3). */
        RestaurantView withoutStaffNumbers() {
            return new RestaurantView(id, name, null, address, location, zone);
        }
    }

    record Modifier(String modifierId, String name, BigDecimal priceCop) {
        MenuItem.Modifier toDomain() {
            return new MenuItem.Modifier(modifierId, name, cop(priceCop == null ? BigDecimal.ZERO : priceCop));
        }

        static Modifier of(MenuItem.Modifier modifier) {
            return new Modifier(
                    modifier.modifierId(),
                    modifier.name(),
                    BigDecimal.valueOf(modifier.price().value()));
        }
    }

    record Item(
            String itemId,
            String name,
            String description,
            String category,
            BigDecimal priceCop,
            Boolean available,
            List<Modifier> modifiers) {
        MenuItem toDomain() {
            if (priceCop == null) {
                throw new InvalidCatalogException("item " + itemId + " needs priceCop");
            }
            return new MenuItem(
                    itemId,
                    name,
                    description,
                    category,
                    cop(priceCop),
                    available == null || available,
                    modifiers == null
                            ? List.of()
                            : modifiers.stream()
                                    .map(modifier -> {
                                        if (modifier == null) {
                                            throw new InvalidCatalogException(
                                                    "item " + itemId + " has a null modifier");
                                        }
                                        return modifier.toDomain();
                                    })
                                    .toList());
        }

        static Item of(MenuItem item) {
            return new Item(
                    item.itemId(),
                    item.name(),
                    item.description(),
                    item.category(),
                    BigDecimal.valueOf(item.price().value()),
                    item.available(),
                    item.modifiers().stream().map(Modifier::of).toList());
        }
    }

    record PutMenu(Boolean open, List<Item> items) {
        List<MenuItem> domainItems() {
            if (items == null) {
                throw new InvalidCatalogException("a menu needs items");
            }
            if (items.contains(null)) {
                throw new InvalidCatalogException("a menu item cannot be null");
            }
            return items.stream().map(Item::toDomain).toList();
        }
    }

    record MenuView(String restaurantId, long version, boolean open, List<Item> items) {
        static MenuView of(Menu menu) {
            return new MenuView(
                    menu.restaurantId().value(),
                    menu.version(),
                    menu.open(),
                    menu.items().stream().map(Item::of).toList());
        }
    }

    /** COP prices are whole pesos: 18900 is a price, 18900.5 is a mistake, not something to round. */
    static Cop cop(BigDecimal amount) {
        try {
            return Cop.of(amount.longValueExact());
        } catch (ArithmeticException e) {
            throw new InvalidCatalogException("prices are whole COP, got " + amount.toPlainString());
        }
    }
}
