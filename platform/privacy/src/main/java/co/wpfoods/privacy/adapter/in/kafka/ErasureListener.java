package co.wpfoods.privacy.adapter.in.kafka;

import co.wpfoods.eventing.UnhandledEventException;
import co.wpfoods.eventing.inbox.Inbox;
import co.wpfoods.privacy.application.ForgettingPeople;
import co.wpfoods.privacy.domain.ErasureRequest;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.privacy.ErasureConfirmed;
import co.wpfoods.schemas.privacy.ErasureRequested;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * {@code privacy.erasure.v1}: {@code ErasureRequested} → this service erases the person's data and confirms, once
 * (inbox {@code <service>.privacy-erasure}). {@code ErasureConfirmed} is the coordinator's (order-service) business:
 * passed over on purpose. Consumer group {@code <service>.privacy}: every service reads every request.
 */
public class ErasureListener {

    private final Inbox inbox;
    private final ForgettingPeople forgetting;
    private final String consumer;

    public ErasureListener(Inbox inbox, ForgettingPeople forgetting, String consumer) {
        this.inbox = inbox;
        this.forgetting = forgetting;
        this.consumer = consumer;
    }

    @KafkaListener(topics = Topics.Privacy.ERASURE, groupId = "${spring.application.name}.privacy")
    public void on(ConsumerRecord<String, SpecificRecord> record) {
        switch (record.value()) {
            case ErasureRequested requested ->
                inbox.processOnce(
                        consumer,
                        Inbox.eventIdOf(record),
                        () -> forgetting.forget(new ErasureRequest(
                                requested.getErasureId(),
                                requested.getWaId(),
                                requested.getOrderIds(),
                                requested.getOrderReferences())));
            case ErasureConfirmed confirmed -> {
                // another service's confirmation: only the coordinator records it
            }
            case null, default -> throw new UnhandledEventException(consumer, record.value());
        }
    }

    /** The inbox consumer this listener records its events under: {@code <service>.privacy-erasure}. */
    public String consumer() {
        return consumer;
    }
}
