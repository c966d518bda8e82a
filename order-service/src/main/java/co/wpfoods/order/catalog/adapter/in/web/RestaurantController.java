package co.wpfoods.order.catalog.adapter.in.web;

import co.wpfoods.order.catalog.adapter.in.web.CatalogJson.MenuView;
import co.wpfoods.order.catalog.adapter.in.web.CatalogJson.PutMenu;
import co.wpfoods.order.catalog.adapter.in.web.CatalogJson.RegisterRestaurant;
import co.wpfoods.order.catalog.adapter.in.web.CatalogJson.RestaurantView;
import co.wpfoods.order.catalog.application.CatalogNotFoundException;
import co.wpfoods.order.catalog.application.ChangingStore;
import co.wpfoods.order.catalog.application.PublishingMenu;
import co.wpfoods.order.catalog.application.RegisteringRestaurant;
import co.wpfoods.order.catalog.application.Restaurants;
import co.wpfoods.order.catalog.domain.Restaurant;
import co.wpfoods.order.catalog.domain.RestaurantId;
import co.wpfoods.order.catalog.domain.StoreSettings;
import co.wpfoods.schemas.wa.WaId;
import co.wpfoods.security.Caller;
import co.wpfoods.security.web.PageBounds;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Registers restaurants and publishes their menus (the launcher's demo data and, later, the ops dashboard). */
@RestController
@RequestMapping("/api/orders/restaurants")
class RestaurantController {

    private final RegisteringRestaurant registering;
    private final PublishingMenu publishing;
    private final Restaurants restaurants;
    private final ChangingStore changingStore;

    RestaurantController(
            RegisteringRestaurant registering,
            PublishingMenu publishing,
            Restaurants restaurants,
            ChangingStore changingStore) {
        this.registering = registering;
        this.changingStore = changingStore;
        this.publishing = publishing;
        this.restaurants = restaurants;
    }

    @PostMapping
    ResponseEntity<RestaurantView> register(@RequestBody RegisterRestaurant request) {
        List<WaId> staff = request.staffWaIds() == null
                ? List.of()
                : request.staffWaIds().stream().map(WaId::parse).toList();
        var restaurant = registering.register(new RegisteringRestaurant.Command(
                request.name(),
                staff,
                request.address(),
                request.location() == null ? null : request.location().toDomain(),
                request.zone(),
                request.store() == null ? null : request.store().toDomain(StoreSettings.DEFAULTS)));
        return ResponseEntity.created(
                        URI.create("/api/orders/restaurants/" + restaurant.id().value()))
                .body(RestaurantView.of(restaurant));
    }

    /** Ops sees every restaurant; a restaurant token only its own, and staff numbers only to ops. */
    @GetMapping
    List<RestaurantView> all(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        PageBounds.check(page, size);
        Caller caller = Caller.current();
        List<Restaurant> visible = caller.isOps()
                ? restaurants.page(page, size)
                : caller.restaurantIds().stream()
                        .sorted()
                        .skip((long) page * size)
                        .limit(size)
                        .flatMap(id -> restaurants.find(new RestaurantId(id)).stream())
                        .toList();
        return caller.onlyOwnRestaurants(visible, r -> r.id().value()).stream()
                .map(r -> view(caller, r))
                .toList();
    }

    @GetMapping("/{id}")
    RestaurantView one(@PathVariable String id) {
        Caller caller = Caller.current();
        caller.requireRestaurant(id);
        return restaurants
                .find(new RestaurantId(id))
                .map(r -> view(caller, r))
                .orElseThrow(() -> new CatalogNotFoundException("No restaurant " + id));
    }

    /** Changes how the restaurant sells; fields left out keep their value. */
    @PutMapping("/{id}/store")
    RestaurantView changeStore(@PathVariable String id, @RequestBody CatalogJson.Store request) {
        return RestaurantView.of(changingStore.change(new RestaurantId(id), request::toDomain));
    }

    @PutMapping("/{id}/menu")
    MenuView publishMenu(@PathVariable String id, @RequestBody PutMenu request) {
        Caller.current().requireRestaurant(id);
        var menu = publishing.publish(
                new RestaurantId(id), request.open() == null || request.open(), request.domainItems());
        return MenuView.of(menu);
    }

    @GetMapping("/{id}/menu")
    MenuView menu(@PathVariable String id) {
        Caller.current().requireRestaurant(id);
        return restaurants
                .menuOf(new RestaurantId(id))
                .map(MenuView::of)
                .orElseThrow(() -> new CatalogNotFoundException("No menu for restaurant " + id));
    }

    private static RestaurantView view(Caller caller, Restaurant restaurant) {
        RestaurantView view = RestaurantView.of(restaurant);
        return caller.isOps() ? view : view.withoutStaffNumbers();
    }
}
