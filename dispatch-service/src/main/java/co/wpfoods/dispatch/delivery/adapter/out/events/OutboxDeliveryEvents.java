package co.wpfoods.dispatch.delivery.adapter.out.events;

import co.wpfoods.dispatch.delivery.application.DeliveryEvents;
import co.wpfoods.dispatch.delivery.domain.DispatchOrder;
import co.wpfoods.dispatch.delivery.domain.Offer;
import co.wpfoods.dispatch.delivery.domain.WorkerProfile;
import co.wpfoods.dispatch.matching.domain.GeoPoint;
import co.wpfoods.eventing.outbox.OutboxEvent;
import co.wpfoods.eventing.outbox.OutboxWriter;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.dispatch.Delivered;
import co.wpfoods.schemas.dispatch.DeliveryDelayed;
import co.wpfoods.schemas.dispatch.DeliveryFailed;
import co.wpfoods.schemas.dispatch.DeliveryFailureReason;
import co.wpfoods.schemas.dispatch.OfferDeclined;
import co.wpfoods.schemas.dispatch.OfferExpired;
import co.wpfoods.schemas.dispatch.OfferSent;
import co.wpfoods.schemas.dispatch.PickedUp;
import co.wpfoods.schemas.dispatch.WorkerAssigned;
import co.wpfoods.schemas.dispatch.WorkerOffline;
import co.wpfoods.schemas.dispatch.WorkerOnline;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;

/**
 * Delivery events → Avro → outbox rows: {@code dispatch.delivery.v1} keyed by order id, {@code dispatch.worker.v1}
 * keyed by worker id. Must be called inside the transaction of the change they announce.
 */
@Component
class OutboxDeliveryEvents implements DeliveryEvents {

    private final OutboxWriter outbox;

    OutboxDeliveryEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    public void offerSent(Offer offer, Instant now) {
        delivery(
                offer.orderId(),
                OfferSent.newBuilder()
                        .setOfferId(offer.offerId())
                        .setOrderId(offer.orderId())
                        .setWorkerId(offer.workerId())
                        .setDistanceToPickupMeters(offer.distanceMeters())
                        .setEstimatedPayCop(offer.estimatedPayCop())
                        .setExpiresAt(offer.expiresAt())
                        .setOccurredAt(now)
                        .build());
    }

    @Override
    public void offerDeclined(Offer offer, String reason, Instant now) {
        delivery(
                offer.orderId(),
                OfferDeclined.newBuilder()
                        .setOfferId(offer.offerId())
                        .setOrderId(offer.orderId())
                        .setWorkerId(offer.workerId())
                        .setReason(reason)
                        .setOccurredAt(now)
                        .build());
    }

    @Override
    public void offerExpired(Offer offer, Instant now) {
        delivery(
                offer.orderId(),
                OfferExpired.newBuilder()
                        .setOfferId(offer.offerId())
                        .setOrderId(offer.orderId())
                        .setWorkerId(offer.workerId())
                        .setOccurredAt(now)
                        .build());
    }

    @Override
    public void workerAssigned(DispatchOrder order, WorkerProfile worker, Instant estimatedPickupAt, Instant now) {
        delivery(
                order.orderId(),
                WorkerAssigned.newBuilder()
                        .setOrderId(order.orderId())
                        .setWorkerId(worker.workerId())
                        .setWorkerFirstName(worker.firstName())
                        .setVehicle(worker.vehicle().name())
                        .setEstimatedPickupAt(estimatedPickupAt)
                        .setOccurredAt(now)
                        .build());
    }

    @Override
    public void pickedUp(DispatchOrder order, WorkerProfile worker, GeoPoint at, Instant now) {
        delivery(
                order.orderId(),
                PickedUp.newBuilder()
                        .setOrderId(order.orderId())
                        .setWorkerId(worker.workerId())
                        .setWorkerFirstName(worker.firstName())
                        .setWorkerLocation(avro(at))
                        .setOccurredAt(now)
                        .build());
    }

    @Override
    public void delivered(DispatchOrder order, String workerId, int distanceMeters, Instant now) {
        delivery(
                order.orderId(),
                Delivered.newBuilder()
                        .setOrderId(order.orderId())
                        .setWorkerId(workerId)
                        .setDistanceMeters(distanceMeters)
                        .setOccurredAt(now)
                        .build());
    }

    @Override
    public void delayed(DispatchOrder order, int waitingSeconds, Instant now) {
        delivery(
                order.orderId(),
                DeliveryDelayed.newBuilder()
                        .setOrderId(order.orderId())
                        .setWaitingSeconds(waitingSeconds)
                        .setOccurredAt(now)
                        .build());
    }

    @Override
    public void failed(String orderId, String workerId, DeliveryFailureReason reason, String detail, Instant now) {
        delivery(
                orderId,
                DeliveryFailed.newBuilder()
                        .setOrderId(orderId)
                        .setWorkerId(workerId)
                        .setReason(reason)
                        .setDetail(detail)
                        .setOccurredAt(now)
                        .build());
    }

    @Override
    public void workerOnline(WorkerProfile worker, GeoPoint at, Instant now) {
        outbox.append(OutboxEvent.of(
                Topics.Dispatch.WORKER,
                worker.workerId(),
                WorkerOnline.newBuilder()
                        .setWorkerId(worker.workerId())
                        .setZone(worker.zone())
                        .setLocation(avro(at))
                        .setOccurredAt(now)
                        .build(),
                worker.workerId()));
    }

    @Override
    public void workerOffline(WorkerProfile worker, String reason, Instant now) {
        outbox.append(OutboxEvent.of(
                Topics.Dispatch.WORKER,
                worker.workerId(),
                WorkerOffline.newBuilder()
                        .setWorkerId(worker.workerId())
                        .setReason(reason)
                        .setOccurredAt(now)
                        .build(),
                worker.workerId()));
    }

    private void delivery(String orderId, SpecificRecord record) {
        outbox.append(OutboxEvent.of(Topics.Dispatch.DELIVERY, orderId, record, orderId));
    }

    private static co.wpfoods.schemas.common.GeoPoint avro(GeoPoint at) {
        return at == null
                ? null
                : co.wpfoods.schemas.common.GeoPoint.newBuilder()
                        .setLatitude(at.latitude())
                        .setLongitude(at.longitude())
                        .build();
    }
}
