package co.wpfoods.order.catalog.application;

import co.wpfoods.order.catalog.domain.GeoLocation;
import co.wpfoods.order.catalog.domain.Menu;
import co.wpfoods.order.catalog.domain.Restaurant;
import co.wpfoods.order.catalog.domain.RestaurantId;
import co.wpfoods.order.catalog.domain.StoreSettings;
import co.wpfoods.schemas.wa.WaId;
import java.util.List;
import java.util.Optional;

/** Where restaurants and their menus are kept. */
public interface Restaurants {

    void add(Restaurant restaurant);

    Optional<Restaurant> find(RestaurantId id);

    List<Restaurant> all();

    /** Oldest first, {@code size} at a time. */
    List<Restaurant> page(int page, int size);

    /** The restaurant a staff number already belongs to, if any. */
    Optional<RestaurantId> staffedBy(WaId number);

    Optional<Menu> menuOf(RestaurantId id);

    /** Replaces the restaurant's menu. */
    void saveMenu(Menu menu);

    /** Replaces how the restaurant sells (hours, radius, fee, preparation time, paused). */
    void saveStore(RestaurantId id, StoreSettings store);

    /**
     * Restaurants whose location lies within {@code meters} of {@code point} as a bounding box (the caller then checks
     * each one's own radius exactly).
     */
    List<Restaurant> within(GeoLocation point, double meters);

    /** Restaurants whose current menu has an item with this id. */
    List<RestaurantId> withItem(String itemId);
}
