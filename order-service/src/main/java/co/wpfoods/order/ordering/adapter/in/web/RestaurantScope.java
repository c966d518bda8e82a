package co.wpfoods.order.ordering.adapter.in.web;

import co.wpfoods.order.catalog.application.CatalogNotFoundException;
import co.wpfoods.order.catalog.application.Restaurants;
import co.wpfoods.order.catalog.domain.RestaurantId;
import org.springframework.stereotype.Component;

/**
 * The one place a request's restaurant is checked before any of its data is read. Today it checks that the restaurant
 * exists; the security module's JWT check (a {@code restaurant} token may only name its own restaurants, {@code ops}
 * any) belongs here, so no endpoint can forget it: every order endpoint takes the restaurant id explicitly and asks
 * this first.
 */
@Component
class RestaurantScope {

    private final Restaurants restaurants;

    RestaurantScope(Restaurants restaurants) {
        this.restaurants = restaurants;
    }

    RestaurantId require(String restaurantId) {
        var id = new RestaurantId(restaurantId);
        if (restaurants.find(id).isEmpty()) {
            throw new CatalogNotFoundException("No restaurant " + restaurantId);
        }
        return id;
    }
}
