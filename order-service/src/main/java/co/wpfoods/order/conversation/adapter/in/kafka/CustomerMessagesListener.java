package co.wpfoods.order.conversation.adapter.in.kafka;

import co.wpfoods.eventing.UnhandledEventException;
import co.wpfoods.eventing.inbox.Inbox;
import co.wpfoods.order.conversation.application.ChattingWithCustomers;
import co.wpfoods.order.conversation.application.CustomerMessage;
import co.wpfoods.order.conversation.application.Understanding;
import co.wpfoods.order.conversation.domain.Input;
import co.wpfoods.order.marketing.application.ChoosingPromotions;
import co.wpfoods.order.privacy.application.PrivacyChatting;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.wa.InboundMessage;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Customer messages from WhatsApp: decode, ask ai-service about free text (outside the transaction: no lock is held
 * while it thinks), then handle the message once (inbox) in one transaction with its replies.
 */
@Component
class CustomerMessagesListener {

    static final String CONSUMER = "order-service.customer-messages";

    private final Inbox inbox;
    private final ChattingWithCustomers chatting;
    private final Understanding understanding;
    private final PrivacyChatting privacy;
    private final ChoosingPromotions promotions;

    CustomerMessagesListener(
            Inbox inbox,
            ChattingWithCustomers chatting,
            Understanding understanding,
            PrivacyChatting privacy,
            ChoosingPromotions promotions) {
        this.inbox = inbox;
        this.chatting = chatting;
        this.understanding = understanding;
        this.privacy = privacy;
        this.promotions = promotions;
    }

    @KafkaListener(topics = Topics.WhatsApp.INBOUND_CUSTOMER, autoStartup = "${wpfoods.order.listen:true}")
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
                inbox.processOnce(CONSUMER, eventId, () -> {
                    // data-protection rights ("borrar mis datos", "mis datos") and the answer about promotions
                    // ("no más promociones", STOP, the template's "No, gracias") come before the ordering conversation
                    if (!privacy.handle(message, understood) && !promotions.handle(message, understood)) {
                        chatting.handle(message, understood);
                    }
                });
            }
            case null, default -> throw new UnhandledEventException(CONSUMER, record.value());
        }
    }
}
