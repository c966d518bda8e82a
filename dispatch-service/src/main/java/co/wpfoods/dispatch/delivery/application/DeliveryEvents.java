package co.wpfoods.dispatch.delivery.application;

import co.wpfoods.dispatch.delivery.domain.DispatchOrder;
import co.wpfoods.dispatch.delivery.domain.Offer;
import co.wpfoods.dispatch.delivery.domain.WorkerProfile;
import co.wpfoods.dispatch.matching.domain.GeoPoint;
import co.wpfoods.schemas.dispatch.DeliveryFailureReason;
import java.time.Instant;

/**
 * Port: what dispatch announces on {@code dispatch.delivery.v1} (keyed by order id) and {@code dispatch.worker.v1}
 * (keyed by worker id). Called inside the transaction of the change it announces.
 */
public interface DeliveryEvents {

    void offerSent(Offer offer, Instant now);

    void offerDeclined(Offer offer, String reason, Instant now);

    void offerExpired(Offer offer, Instant now);

    void workerAssigned(DispatchOrder order, WorkerProfile worker, Instant estimatedPickupAt, Instant now);

    void pickedUp(DispatchOrder order, WorkerProfile worker, GeoPoint at, Instant now);

    void delivered(DispatchOrder order, String workerId, int distanceMeters, Instant now);

    void delayed(DispatchOrder order, int waitingSeconds, Instant now);

    void failed(String orderId, String workerId, DeliveryFailureReason reason, String detail, Instant now);

    void workerOnline(WorkerProfile worker, GeoPoint at, Instant now);

    void workerOffline(WorkerProfile worker, String reason, Instant now);
}
