package co.wpfoods.order.privacy.adapter.in.kafka;

import co.wpfoods.eventing.UnhandledEventException;
import co.wpfoods.eventing.inbox.Inbox;
import co.wpfoods.order.privacy.application.ForgettingCustomers;
import co.wpfoods.order.privacy.application.RecordingConfirmations;
import co.wpfoods.order.privacy.domain.Confirmation;
import co.wpfoods.privacy.domain.ErasureRequest;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.privacy.ErasureConfirmed;
import co.wpfoods.schemas.privacy.ErasureRequested;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code privacy.erasure.v1}: order-service is both a participant (it erases its own records on
 * {@code ErasureRequested}) and the coordinator (it records every {@code ErasureConfirmed}), each once (inbox).
 */
@Component
class ErasureListener {

    static final String CONSUMER = "order-service.privacy-erasure";

    private final Inbox inbox;
    private final ForgettingCustomers forgetting;
    private final RecordingConfirmations recording;

    ErasureListener(Inbox inbox, ForgettingCustomers forgetting, RecordingConfirmations recording) {
        this.inbox = inbox;
        this.forgetting = forgetting;
        this.recording = recording;
    }

    @KafkaListener(
            topics = Topics.Privacy.ERASURE,
            groupId = "order-service.privacy",
            autoStartup = "${wpfoods.order.listen:true}")
    void on(ConsumerRecord<String, SpecificRecord> record) {
        switch (record.value()) {
            case ErasureRequested requested ->
                inbox.processOnce(
                        CONSUMER,
                        Inbox.eventIdOf(record),
                        () -> forgetting.forget(new ErasureRequest(
                                requested.getErasureId(),
                                requested.getWaId(),
                                requested.getOrderIds(),
                                requested.getOrderReferences())));
            case ErasureConfirmed confirmed ->
                inbox.processOnce(
                        CONSUMER,
                        Inbox.eventIdOf(record),
                        () -> recording.record(
                                confirmed.getErasureId(),
                                new Confirmation(
                                        confirmed.getService(),
                                        confirmed.getRowsDeleted(),
                                        confirmed.getRowsAnonymized(),
                                        confirmed.getDetail(),
                                        confirmed.getConfirmedAt())));
            case null, default -> throw new UnhandledEventException(CONSUMER, record.value());
        }
    }
}
