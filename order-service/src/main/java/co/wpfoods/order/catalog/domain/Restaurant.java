package co.wpfoods.order.catalog.domain;

import co.wpfoods.schemas.wa.WaId;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A restaurant that sells on WPFoods: who runs it by chat (its staff numbers) and where it is. Its menu is a separate
 * aggregate ({@link Menu}) because it changes far more often.
 */
public record Restaurant(
        RestaurantId id,
        String name,
        List<WaId> staff,
        String address,
        GeoLocation location,
        String zone,
        StoreSettings store) {

    public static final int MAX_NAME_LENGTH = 100;

    public Restaurant {
        Objects.requireNonNull(id, "id");
        name = requireText(name, "name", MAX_NAME_LENGTH);
        if (staff == null || staff.isEmpty()) {
            throw new InvalidCatalogException("a restaurant needs at least one staff WhatsApp number");
        }
        if (new LinkedHashSet<>(staff).size() != staff.size()) {
            throw new InvalidCatalogException("staff WhatsApp numbers must not repeat");
        }
        staff = List.copyOf(staff);
        address = optionalText(address, "address", 300);
        zone = optionalText(zone, "zone", 100);
        store = store == null ? StoreSettings.DEFAULTS : store;
    }

    public Restaurant(
            RestaurantId id, String name, List<WaId> staff, String address, GeoLocation location, String zone) {
        this(id, name, staff, address, location, zone, StoreSettings.DEFAULTS);
    }

    /** Whether it delivers to {@code point}: within its radius of its own location (none known: it does not). */
    public boolean deliversTo(GeoLocation point) {
        return location != null && point != null && GeoDistance.meters(location, point) <= store.deliveryRadiusMeters();
    }

    public Restaurant withStore(StoreSettings settings) {
        return new Restaurant(id, name, staff, address, location, zone, settings);
    }

    /** Registers a new restaurant; returns it with the event that announces it. */
    public static Registration register(
            String name,
            List<WaId> staff,
            String address,
            GeoLocation location,
            String zone,
            StoreSettings store,
            Instant now) {
        var restaurant = new Restaurant(RestaurantId.newId(), name, staff, address, location, zone, store);
        return new Registration(restaurant, new CatalogEvent.RestaurantRegistered(restaurant, now));
    }

    public record Registration(Restaurant restaurant, CatalogEvent.RestaurantRegistered event) {}

    static String requireText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidCatalogException(field + " is required");
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new InvalidCatalogException(field + " must be at most " + maxLength + " characters");
        }
        return stripped;
    }

    static String optionalText(String value, String field, int maxLength) {
        return value == null || value.isBlank() ? null : requireText(value, field, maxLength);
    }
}
