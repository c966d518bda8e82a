package co.wpfoods.order.privacy.application;

import co.wpfoods.order.conversation.application.Chat;
import co.wpfoods.order.conversation.application.Replies;
import co.wpfoods.schemas.wa.OutboundCommands;
import co.wpfoods.schemas.wa.WaUser;
import java.time.Clock;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** Tells a person their erasure is complete, through the outbox, naming the approved template for a closed window. */
@Service
public class TellingPrivacyNews {

    private final Chat chat;
    private final MessageSource messages;
    private final PrivacySettings settings;
    private final Clock clock;

    public TellingPrivacyNews(Chat chat, MessageSource messages, PrivacySettings settings, Clock clock) {
        this.chat = chat;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    public void erased(String waId, String language, String erasureId) {
        String cause = "privacy:" + erasureId + ":done";
        var say = new Replies(
                chat,
                messages,
                WaUser.newBuilder().setWaId(waId).build(),
                language,
                cause,
                "privacy:" + erasureId,
                clock.instant());
        say.withFallback(OutboundCommands.template(settings.erasedTemplate(), say.languageCode())
                        .build())
                .text(say.t("privacy.erase.done"));
    }
}
