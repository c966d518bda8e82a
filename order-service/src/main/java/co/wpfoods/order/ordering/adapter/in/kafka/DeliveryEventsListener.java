package co.wpfoods.order.ordering.adapter.in.kafka;

import co.wpfoods.eventing.UnhandledEventException;
import co.wpfoods.eventing.inbox.Inbox;
import co.wpfoods.order.catalog.domain.GeoLocation;
import co.wpfoods.order.ordering.application.TrackingDelivery;
import co.wpfoods.order.ordering.domain.OrderId;
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
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** dispatch-service's delivery events, each applied once (inbox) to its order. */
@Component
class DeliveryEventsListener {

    static final String CONSUMER = "order-service.deliveries";

    private final Inbox inbox;
    private final TrackingDelivery tracking;

    DeliveryEventsListener(Inbox inbox, TrackingDelivery tracking) {
        this.inbox = inbox;
        this.tracking = tracking;
    }

    @KafkaListener(
            topics = Topics.Dispatch.DELIVERY,
            groupId = "${spring.kafka.consumer.group-id:${spring.application.name}}.deliveries",
            autoStartup = "${wpfoods.order.listen:true}")
    void on(ConsumerRecord<String, SpecificRecord> record) {
        Runnable effect = switch (record.value()) {
            case PickedUp e ->
                () -> tracking.pickedUp(
                        new OrderId(e.getOrderId()),
                        e.getWorkerFirstName(),
                        e.getWorkerLocation() == null
                                ? null
                                : new GeoLocation(
                                        e.getWorkerLocation().getLatitude(),
                                        e.getWorkerLocation().getLongitude()));
            case Delivered e -> () -> tracking.delivered(new OrderId(e.getOrderId()));
            case WorkerAssigned e ->
                () -> tracking.workerAssigned(
                        new OrderId(e.getOrderId()), e.getWorkerFirstName(), e.getEstimatedPickupAt());
            case DeliveryDelayed e -> () -> tracking.delayed(new OrderId(e.getOrderId()), e.getWaitingSeconds());
            case DeliveryFailed e ->
                () -> tracking.failed(
                        new OrderId(e.getOrderId()),
                        e.getReason() == DeliveryFailureReason.NO_WORKER,
                        e.getDetail() == null ? e.getReason().name() : e.getDetail());
            // offers are between dispatch and its workers: nothing for the order or the customer
            case OfferSent e -> null;
            case OfferDeclined e -> null;
            case OfferExpired e -> null;
            case null, default -> throw new UnhandledEventException(CONSUMER, record.value());
        };
        if (effect != null) {
            inbox.processOnce(CONSUMER, Inbox.eventIdOf(record), effect);
        }
    }
}
