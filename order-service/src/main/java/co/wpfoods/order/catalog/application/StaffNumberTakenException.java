package co.wpfoods.order.catalog.application;

import co.wpfoods.order.catalog.domain.RestaurantId;
import co.wpfoods.schemas.wa.WaId;

/**
 * A staff number already runs another restaurant. The role directory maps one number to one restaurant, so a number
 * cannot serve two.
 */
public class StaffNumberTakenException extends RuntimeException {

    public StaffNumberTakenException(WaId number, RestaurantId owner) {
        super("WhatsApp number " + number.value() + " is already staff of restaurant " + owner.value());
    }
}
