package co.wpfoods.order.catalog.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * How a restaurant sells: its opening hours, how far it delivers, what delivery costs, how long it usually takes to
 * prepare an order, and whether staff paused it (a rush, a power cut).
 */
public record StoreSettings(
        OpeningHours hours, int deliveryRadiusMeters, Cop deliveryFee, int preparationMinutes, boolean paused) {

    public static final int MAX_RADIUS_METERS = 15_000;

    public static final StoreSettings DEFAULTS =
            new StoreSettings(OpeningHours.ALWAYS, 5_000, Cop.of(5_000), 25, false);

    public StoreSettings {
        hours = hours == null ? OpeningHours.ALWAYS : hours;
        Objects.requireNonNull(deliveryFee, "deliveryFee");
        if (deliveryRadiusMeters < 100 || deliveryRadiusMeters > MAX_RADIUS_METERS) {
            throw new InvalidCatalogException("delivery radius must be 100.." + MAX_RADIUS_METERS + " meters");
        }
        if (preparationMinutes < 1 || preparationMinutes > 240) {
            throw new InvalidCatalogException("preparation time must be 1..240 minutes");
        }
    }

    public boolean takesOrdersAt(Instant now) {
        return !paused && hours.isOpenAt(now);
    }

    public StoreSettings withPaused(boolean value) {
        return new StoreSettings(hours, deliveryRadiusMeters, deliveryFee, preparationMinutes, value);
    }
}
