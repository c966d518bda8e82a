package co.wpfoods.order.adapter.in.kafka;

import co.wpfoods.eventing.UnhandledEventException;
import co.wpfoods.eventing.inbox.Inbox;
import co.wpfoods.order.conversation.GreetingCustomers;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.wa.InboundMessage;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Customer messages from WhatsApp, each handled once (inbox) by the customer conversation. */
@Component
class CustomerMessagesListener {

    static final String CONSUMER = "order-service.customer-messages";

    private final Inbox inbox;
    private final GreetingCustomers greeting;

    CustomerMessagesListener(Inbox inbox, GreetingCustomers greeting) {
        this.inbox = inbox;
        this.greeting = greeting;
    }

    @KafkaListener(topics = Topics.WhatsApp.INBOUND_CUSTOMER)
    void on(ConsumerRecord<String, SpecificRecord> record) {
        switch (record.value()) {
            case InboundMessage message ->
                inbox.processOnce(CONSUMER, Inbox.eventIdOf(record), () -> greeting.greet(message));
            case null, default -> throw new UnhandledEventException(CONSUMER, record.value());
        }
    }
}
