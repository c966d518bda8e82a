package co.wpfoods.order.conversation.adapter.in.kafka;

import co.wpfoods.eventing.UnhandledEventException;
import co.wpfoods.eventing.inbox.Inbox;
import co.wpfoods.order.conversation.application.ChattingWithRestaurants;
import co.wpfoods.order.conversation.application.CustomerMessage;
import co.wpfoods.order.conversation.application.Understanding;
import co.wpfoods.order.conversation.domain.Input;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.wa.InboundMessage;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Restaurant staff messages: handled once (inbox) by the restaurant conversation. */
@Component
class RestaurantMessagesListener {

    static final String CONSUMER = "order-service.restaurant-messages";

    private final Inbox inbox;
    private final ChattingWithRestaurants chatting;
    private final Understanding understanding;

    RestaurantMessagesListener(Inbox inbox, ChattingWithRestaurants chatting, Understanding understanding) {
        this.inbox = inbox;
        this.chatting = chatting;
        this.understanding = understanding;
    }

    @KafkaListener(
            topics = Topics.WhatsApp.INBOUND_RESTAURANT,
            groupId = "${spring.kafka.consumer.group-id:${spring.application.name}}.restaurant-messages",
            autoStartup = "${wpfoods.order.listen:true}")
    void on(ConsumerRecord<String, SpecificRecord> record) {
        switch (record.value()) {
            case InboundMessage inbound -> {
                String eventId = Inbox.eventIdOf(record);
                if (inbox.alreadyProcessed(CONSUMER, eventId)) {
                    return;
                }
                var message = CustomerMessage.of(inbound);
                Optional<Understanding.Understood> understood =
                        message.input() instanceof Input.Text text && !message.rateLimited()
                                ? understanding.understand(chatting.contextFor(message, text.body()))
                                : Optional.empty();
                inbox.processOnce(CONSUMER, eventId, () -> chatting.handle(message, understood));
            }
            case null, default -> throw new UnhandledEventException(CONSUMER, record.value());
        }
    }
}
