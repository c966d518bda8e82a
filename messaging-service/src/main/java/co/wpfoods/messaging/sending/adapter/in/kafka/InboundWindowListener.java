package co.wpfoods.messaging.sending.adapter.in.kafka;

import co.wpfoods.eventing.UnhandledEventException;
import co.wpfoods.messaging.sending.application.TrackingWindows;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.wa.InboundMessage;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** Inbound messages of every role → each user's customer-service window. Idempotent (keeps the latest time). */
public class InboundWindowListener {

    private final TrackingWindows windows;

    public InboundWindowListener(TrackingWindows windows) {
        this.windows = windows;
    }

    @KafkaListener(
            id = "messaging-windows",
            topics = {
                Topics.WhatsApp.INBOUND_CUSTOMER,
                Topics.WhatsApp.INBOUND_RESTAURANT,
                Topics.WhatsApp.INBOUND_WORKER
            })
    void on(ConsumerRecord<String, SpecificRecord> record) {
        switch (record.value()) {
            case InboundMessage message -> windows.record(message);
            case null, default -> throw new UnhandledEventException("messaging-windows", record.value());
        }
    }
}
