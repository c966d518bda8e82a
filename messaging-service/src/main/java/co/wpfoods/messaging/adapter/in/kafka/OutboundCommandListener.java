package co.wpfoods.messaging.adapter.in.kafka;

import co.wpfoods.eventing.UnhandledEventException;
import co.wpfoods.messaging.application.AcceptingCommands;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.wa.OutboundCommand;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** {@code wa.outbound.v1} → the outbound log. Idempotent by command id; the offset commits after the insert. */
public class OutboundCommandListener {

    private final AcceptingCommands accepting;

    public OutboundCommandListener(AcceptingCommands accepting) {
        this.accepting = accepting;
    }

    @KafkaListener(
            id = "messaging-outbound",
            topics = Topics.WhatsApp.OUTBOUND,
            concurrency = "${wpfoods.messaging.kafka.outbound-concurrency:3}")
    void on(ConsumerRecord<String, SpecificRecord> record) {
        switch (record.value()) {
            case OutboundCommand command -> accepting.accept(command);
            case null, default -> throw new UnhandledEventException("messaging-outbound", record.value());
        }
    }
}
