package co.wpfoods.order.catalog.application;

import co.wpfoods.order.catalog.domain.Restaurant;
import co.wpfoods.order.catalog.domain.RestaurantId;
import co.wpfoods.order.catalog.domain.StoreSettings;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A restaurant changes how it sells: opening hours, delivery radius and fee, preparation time, paused or not. */
@Service
public class ChangingStore {

    private final Restaurants restaurants;

    public ChangingStore(Restaurants restaurants) {
        this.restaurants = restaurants;
    }

    @Transactional
    public Restaurant change(RestaurantId id, UnaryOperator<StoreSettings> change) {
        var restaurant =
                restaurants.find(id).orElseThrow(() -> new CatalogNotFoundException("No restaurant " + id.value()));
        var changed = restaurant.withStore(change.apply(restaurant.store()));
        restaurants.saveStore(id, changed.store());
        return changed;
    }
}
