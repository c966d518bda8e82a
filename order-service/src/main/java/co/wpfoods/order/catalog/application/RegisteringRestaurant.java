package co.wpfoods.order.catalog.application;

import co.wpfoods.order.catalog.domain.GeoLocation;
import co.wpfoods.order.catalog.domain.Restaurant;
import co.wpfoods.order.catalog.domain.StoreSettings;
import co.wpfoods.schemas.wa.WaId;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A restaurant joins WPFoods: stored and announced (RestaurantRegistered) in one transaction. */
@Service
public class RegisteringRestaurant {

    private final Restaurants restaurants;
    private final CatalogEvents events;
    private final Clock clock;

    @Autowired
    public RegisteringRestaurant(Restaurants restaurants, CatalogEvents events, ObjectProvider<Clock> clock) {
        this(restaurants, events, clock.getIfAvailable(Clock::systemUTC));
    }

    RegisteringRestaurant(Restaurants restaurants, CatalogEvents events, Clock clock) {
        this.restaurants = restaurants;
        this.events = events;
        this.clock = clock;
    }

    public record Command(
            String name, List<WaId> staff, String address, GeoLocation location, String zone, StoreSettings store) {}

    @Transactional
    public Restaurant register(Command command) {
        var registration = Restaurant.register(
                command.name(),
                command.staff(),
                command.address(),
                command.location(),
                command.zone(),
                command.store(),
                clock.instant());
        for (WaId number : registration.restaurant().staff()) {
            restaurants.staffedBy(number).ifPresent(owner -> {
                throw new StaffNumberTakenException(number, owner);
            });
        }
        restaurants.add(registration.restaurant());
        events.publish(registration.event());
        return registration.restaurant();
    }
}
