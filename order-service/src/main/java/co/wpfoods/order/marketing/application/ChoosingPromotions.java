package co.wpfoods.order.marketing.application;

import co.wpfoods.order.consent.application.Consents;
import co.wpfoods.order.conversation.application.Chat;
import co.wpfoods.order.conversation.application.ChattingWithCustomers;
import co.wpfoods.order.conversation.application.ConversationSettings;
import co.wpfoods.order.conversation.application.Conversations;
import co.wpfoods.order.conversation.application.CustomerMessage;
import co.wpfoods.order.conversation.application.Replies;
import co.wpfoods.order.conversation.application.Understanding.Understood;
import co.wpfoods.order.conversation.domain.Input;
import co.wpfoods.order.marketing.domain.StopPromotions;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The customer's answer about promotions, at any step (read after the data-rights texts, before the ordering
 * conversation): "Sí" to the question asked once after a rating records a marketing grant; "No, gracias" (that
 * question's button or the win-back template's quick reply), "no más promociones" / "no more promotions", a bare
 * "STOP" / "para", or ai-service's {@code opt_out} intent record a withdrawal, after which no marketing template goes
 * to them. The person is told in their language. Anything else is left to the ordering conversation.
 */
@Service
public class ChoosingPromotions {

    private final Consents consents;
    private final Conversations conversations;
    private final Chat chat;
    private final MessageSource messages;
    private final ConversationSettings settings;
    private final Clock clock;

    public ChoosingPromotions(
            Consents consents,
            Conversations conversations,
            Chat chat,
            MessageSource messages,
            ConversationSettings settings,
            Clock clock) {
        this.consents = consents;
        this.conversations = conversations;
        this.chat = chat;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    /** Handles the message when it answers about promotions; false leaves it to the ordering conversation. */
    public boolean handle(CustomerMessage message, Optional<Understood> understood) {
        if (message.rateLimited()) {
            return false;
        }
        switch (message.input()) {
            case Input.Tap tap
            when ChattingWithCustomers.PROMO_TAP.equals(tap.kind()) -> {
                return answerTap(message, tap);
            }
            case Input.Text text -> {
                String body = text.body() == null ? "" : text.body();
                if (StopPromotions.asked(body) || optsOut(understood)) {
                    String language =
                            conversations.language(message.key()).orElse(StopPromotions.inEnglish(body) ? "en" : "es");
                    withdraw(message, language);
                    return true;
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    private boolean optsOut(Optional<Understood> understood) {
        return understood
                .filter(u -> "opt_out".equals(u.intent()) && u.confidence() >= settings.minConfidence())
                .isPresent();
    }

    private boolean answerTap(CustomerMessage message, Input.Tap tap) {
        String known = conversations.language(message.key()).orElse("es");
        String language = "en".equals(tap.part(2)) || "es".equals(tap.part(2)) ? tap.part(2) : known;
        if (!"yes".equals(tap.part(1))) {
            withdraw(message, language);
            return true;
        }
        if (!consents.personalDataGranted(message.key())) {
            // an old button after an erasure: the ordering conversation asks for consent first
            return false;
        }
        consents.grantMarketing(message.key());
        var say = replies(message, language);
        say.text(say.t("promo.granted"));
        return true;
    }

    private void withdraw(CustomerMessage message, String language) {
        consents.withdrawMarketing(message.key());
        var say = replies(message, language);
        say.text(say.t("promo.withdrawn"));
    }

    private Replies replies(CustomerMessage message, String language) {
        return new Replies(
                chat,
                messages,
                message.from(),
                language,
                "promo:" + message.messageId(),
                "conv:" + message.key(),
                clock.instant());
    }
}
