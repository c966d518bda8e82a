package co.wpfoods.dispatch.delivery.adapter.in.kafka;

import co.wpfoods.dispatch.delivery.application.ChattingWithWorkers;
import co.wpfoods.eventing.UnhandledEventException;
import co.wpfoods.eventing.inbox.Inbox;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.wa.InboundMessage;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Rapitenderos' WhatsApp messages, each handled once (inbox) by the worker conversation. */
@Component
class WorkerMessagesListener {

    static final String CONSUMER = "dispatch-service.worker-messages";

    private final Inbox inbox;
    private final ChattingWithWorkers conversation;

    WorkerMessagesListener(Inbox inbox, ChattingWithWorkers conversation) {
        this.inbox = inbox;
        this.conversation = conversation;
    }

    @KafkaListener(topics = Topics.WhatsApp.INBOUND_WORKER)
    void on(ConsumerRecord<String, SpecificRecord> record) {
        switch (record.value()) {
            case InboundMessage message -> {
                if (!message.getRateLimited()) {
                    inbox.processOnce(CONSUMER, Inbox.eventIdOf(record), () -> conversation.handle(message));
                }
            }
            case null, default -> throw new UnhandledEventException(CONSUMER, record.value());
        }
    }
}
