package co.wpfoods.dispatch.delivery.application;

import co.wpfoods.dispatch.delivery.domain.Delivery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: Assignments and deliveries. Implemented by the database adapter; every method joins the caller's transaction. */
public interface Deliveries {

    void addDelivery(Delivery d, String offerId, Instant now);

    Optional<Delivery> lockDelivery(String orderId);

    List<Delivery> activeDeliveriesOf(String workerId);

    void saveDelivery(Delivery d, Integer distanceMeters);
}
