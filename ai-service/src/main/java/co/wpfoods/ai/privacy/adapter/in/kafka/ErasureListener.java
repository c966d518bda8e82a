package co.wpfoods.ai.privacy.adapter.in.kafka;

import co.wpfoods.ai.privacy.application.ForgettingPeople;
import co.wpfoods.ai.privacy.domain.ErasureRequest;
import co.wpfoods.eventing.UnhandledEventException;
import co.wpfoods.eventing.inbox.Inbox;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.privacy.ErasureConfirmed;
import co.wpfoods.schemas.privacy.ErasureRequested;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code privacy.erasure.v1}: {@code ErasureRequested} → this service erases the person's data and confirms, once
 * (inbox). {@code ErasureConfirmed} is the coordinator's (order-service) business: passed over on purpose.
 */
@Component
@ConditionalOnProperty(name = "wpfoods.ai.kafka.enabled", havingValue = "true", matchIfMissing = true)
class ErasureListener {

    static final String CONSUMER = "ai-service.privacy-erasure";

    private final Inbox inbox;
    private final ForgettingPeople forgetting;

    ErasureListener(Inbox inbox, ForgettingPeople forgetting) {
        this.inbox = inbox;
        this.forgetting = forgetting;
    }

    @KafkaListener(topics = Topics.Privacy.ERASURE, groupId = "ai-service.privacy")
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
            case ErasureConfirmed confirmed -> {
                // another service's confirmation: only the coordinator records it
            }
            case null, default -> throw new UnhandledEventException(CONSUMER, record.value());
        }
    }
}
