package co.wpfoods.order.catalog.application;

import co.wpfoods.order.catalog.domain.Menu;
import co.wpfoods.order.catalog.domain.MenuItem;
import co.wpfoods.order.catalog.domain.RestaurantId;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A restaurant replaces its menu: stored as the next version and announced (MenuPublished) in one transaction. */
@Service
public class PublishingMenu {

    private final Restaurants restaurants;
    private final CatalogEvents events;
    private final Clock clock;

    @Autowired
    public PublishingMenu(Restaurants restaurants, CatalogEvents events, ObjectProvider<Clock> clock) {
        this(restaurants, events, clock.getIfAvailable(Clock::systemUTC));
    }

    PublishingMenu(Restaurants restaurants, CatalogEvents events, Clock clock) {
        this.restaurants = restaurants;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Menu publish(RestaurantId id, boolean open, List<MenuItem> items) {
        var restaurant =
                restaurants.find(id).orElseThrow(() -> new CatalogNotFoundException("No restaurant " + id.value()));
        var publication = Menu.publish(restaurant, restaurants.menuOf(id).orElse(null), open, items, clock.instant());
        restaurants.saveMenu(publication.menu());
        events.publish(publication.event());
        return publication.menu();
    }
}
