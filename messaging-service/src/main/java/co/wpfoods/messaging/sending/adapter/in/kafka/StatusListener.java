package co.wpfoods.messaging.sending.adapter.in.kafka;

import co.wpfoods.eventing.UnhandledEventException;
import co.wpfoods.messaging.sending.application.TrackingStatuses;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.wa.DeliveryStatus;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** {@code wa.status.v1} → the outbound log's states. Idempotent: a status never moves a message backwards. */
public class StatusListener {

    private final TrackingStatuses statuses;

    public StatusListener(TrackingStatuses statuses) {
        this.statuses = statuses;
    }

    @KafkaListener(id = "messaging-statuses", topics = Topics.WhatsApp.STATUS)
    void on(ConsumerRecord<String, SpecificRecord> record) {
        switch (record.value()) {
            case DeliveryStatus status -> statuses.apply(status);
            case null, default -> throw new UnhandledEventException("messaging-statuses", record.value());
        }
    }
}
