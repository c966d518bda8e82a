package co.wpfoods.order.catalog.adapter.in.web;

import co.wpfoods.order.catalog.domain.Cop;
import co.wpfoods.order.catalog.domain.CopDelta;
import co.wpfoods.order.catalog.domain.GeoLocation;
import co.wpfoods.order.catalog.domain.InvalidCatalogException;
import co.wpfoods.order.catalog.domain.Menu;
import co.wpfoods.order.catalog.domain.MenuItem;
import co.wpfoods.order.catalog.domain.ModifierGroup;
import co.wpfoods.order.catalog.domain.OpeningHours;
import co.wpfoods.order.catalog.domain.Restaurant;
import co.wpfoods.order.catalog.domain.StoreSettings;
import co.wpfoods.schemas.wa.WaId;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
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

    record RegisterRestaurant(
            String name, List<String> staffWaIds, String address, Location location, String zone, Store store) {}

    /** Opening window: {@code day} MONDAY…SUNDAY, {@code opens}/{@code closes} as HH:mm in Bogotá time. */
    record Window(String day, String opens, String closes) {
        OpeningHours.Window toDomain() {
            try {
                return new OpeningHours.Window(
                        DayOfWeek.valueOf(day.strip().toUpperCase(java.util.Locale.ROOT)),
                        LocalTime.parse(opens),
                        LocalTime.parse(closes));
            } catch (RuntimeException e) {
                if (e instanceof InvalidCatalogException invalid) {
                    throw invalid;
                }
                throw new InvalidCatalogException(
                        "an opening window needs day MONDAY..SUNDAY and opens/closes as HH:mm, got " + this);
            }
        }

        static Window of(OpeningHours.Window w) {
            return new Window(w.day().name(), w.opens().toString(), w.closes().toString());
        }
    }

    record Store(
            List<Window> openingHours,
            Integer deliveryRadiusMeters,
            BigDecimal deliveryFeeCop,
            Integer preparationMinutes,
            Boolean paused) {
        StoreSettings toDomain(StoreSettings current) {
            return new StoreSettings(
                    openingHours == null
                            ? current.hours()
                            : new OpeningHours(
                                    openingHours.stream().map(Window::toDomain).toList()),
                    deliveryRadiusMeters == null ? current.deliveryRadiusMeters() : deliveryRadiusMeters,
                    deliveryFeeCop == null ? current.deliveryFee() : cop(deliveryFeeCop),
                    preparationMinutes == null ? current.preparationMinutes() : preparationMinutes,
                    paused == null ? current.paused() : paused);
        }

        static Store of(StoreSettings s) {
            return new Store(
                    s.hours().windows().stream().map(Window::of).toList(),
                    s.deliveryRadiusMeters(),
                    BigDecimal.valueOf(s.deliveryFee().value()),
                    s.preparationMinutes(),
                    s.paused());
        }
    }

    record RestaurantView(
            String id,
            String name,
            List<String> staffWaIds,
            String address,
            Location location,
            String zone,
            Store store) {
        static RestaurantView of(Restaurant restaurant) {
            return new RestaurantView(
                    restaurant.id().value(),
                    restaurant.name(),
                    restaurant.staff().stream().map(WaId::value).toList(),
                    restaurant.address(),
                    Location.of(restaurant.location()),
                    restaurant.zone(),
                    Store.of(restaurant.store()));
        }

        /** Staff WhatsApp numbers are personal data: only ops sees them (OWASP API3). */
        RestaurantView withoutStaffNumbers() {
            return new RestaurantView(id, name, null, address, location, zone, store);
        }
    }

    record Group(String groupId, String name, Integer min, Integer max) {
        ModifierGroup toDomain() {
            return new ModifierGroup(groupId, name, min == null ? 0 : min, max == null ? 1 : max);
        }

        static Group of(ModifierGroup g) {
            return new Group(g.groupId(), g.name(), g.min(), g.max());
        }
    }

    record Modifier(String modifierId, String name, BigDecimal priceCop, String groupId) {
        MenuItem.Modifier toDomain() {
            return new MenuItem.Modifier(
                    modifierId, name, delta(priceCop == null ? BigDecimal.ZERO : priceCop), groupId);
        }

        static Modifier of(MenuItem.Modifier modifier) {
            return new Modifier(
                    modifier.modifierId(),
                    modifier.name(),
                    BigDecimal.valueOf(modifier.price().value()),
                    modifier.groupId());
        }
    }

    record Item(
            String itemId,
            String name,
            String description,
            String category,
            BigDecimal priceCop,
            Boolean available,
            List<Group> modifierGroups,
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
                    modifierGroups == null
                            ? List.of()
                            : modifierGroups.stream().map(Group::toDomain).toList(),
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
                    item.modifierGroups().stream().map(Group::of).toList(),
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

    static CopDelta delta(BigDecimal amount) {
        try {
            return CopDelta.of(amount.longValueExact());
        } catch (ArithmeticException e) {
            throw new InvalidCatalogException("prices are whole COP, got " + amount.toPlainString());
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
