package co.wpfoods.simulator.cloudapi.application;

import co.wpfoods.simulator.cloudapi.application.Conversations.ChatMessage;
import co.wpfoods.simulator.cloudapi.application.Conversations.Direction;
import co.wpfoods.simulator.cloudapi.domain.GraphError;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Emits the status webhooks of messages the business sent (reference §4, §8 send side 7):
 * {@code sent} (with pricing and the v23 conversation), {@code delivered}, {@code read},
 * {@code played} for voice messages; reactions get only {@code sent}; failures a {@code failed} with errors.
 */
public final class StatusEmitter {

    /** How long after acceptance each status follows the previous one. */
    public record Delays(Duration sent, Duration delivered, Duration read) {}

    /** Pricing facts echoed on {@code sent} and on one of {@code delivered}/{@code read}. */
    public record Billing(String category, String pricingType, boolean billable, String conversationId) {}

    private final ScheduledExecutorService scheduler;
    private final WebhookPublisher publisher;
    private final WebhookPayloads payloads;
    private final Conversations conversations;
    private final Settings settings;
    private final Delays delays;
    private final Clock clock;

    public StatusEmitter(
            ScheduledExecutorService scheduler,
            WebhookPublisher publisher,
            WebhookPayloads payloads,
            Conversations conversations,
            Settings settings,
            Delays delays,
            Clock clock) {
        this.scheduler = scheduler;
        this.publisher = publisher;
        this.payloads = payloads;
        this.conversations = conversations;
        this.settings = settings;
        this.delays = delays;
        this.clock = clock;
    }

    public void accepted(ChatMessage message, Billing billing) {
        SimulatorSettings now = settings.get();
        if (!now.statusesEnabled()) {
            return;
        }
        long at = delays.sent().toMillis();
        schedule(at, () -> emit(message, "sent", billing, null, null));
        if (message.type().equals("reaction")) {
            return;
        }
        at += delays.delivered().toMillis();
        if (!now.skipDelivered()) {
            schedule(at, () -> emit(message, "delivered", billing, null, null));
        }
        if (!now.autoRead()) {
            return;
        }
        at += delays.read().toMillis();
        Billing readBilling = now.skipDelivered() ? billing : null;
        schedule(at, () -> emit(message, "read", readBilling, null, null));
        if (isVoice(message) && now.autoPlay()) {
            schedule(at + delays.read().toMillis(), () -> emit(message, "played", null, null, null));
        }
    }

    public void failed(ChatMessage message, GraphError error, String details) {
        schedule(delays.sent().toMillis(), () -> emit(message, "failed", null, error, details));
    }

    /** The user opened the chat: everything the business sent and the user has not read yet becomes read. */
    public void userRead(String waId) {
        for (ChatMessage message : conversations.messages(waId)) {
            if (message.direction() == Direction.TO_USER
                    && !message.type().equals("reaction")
                    && (message.status().equals("sent") || message.status().equals("delivered"))) {
                emit(message, "read", null, null, null);
            }
        }
    }

    /**
     * Meta sends {@code played} only for voice messages: audio sent with {@code "voice": true} (reference §4.1, §5.7).
     */
    static boolean isVoice(ChatMessage message) {
        return message.type().equals("audio")
                && message.content() != null
                && message.content().path("voice").asBoolean(false);
    }

    /**
     * The user played a voice message the business sent: Meta sends {@code played}. Meta has no {@code played} for
     * anything else (and no Graph call that asks for one: mark-as-read accepts only {@code "read"}), so playing a
     * message that is not a voice note is an impossible user action, refused with the reason.
     *
     * @throws UserMessaging.UserActionException not found for an unknown message or one the user sent; otherwise
     *     impossible (HTTP 422) for a business message that is not a voice note
     */
    public void played(String messageId) {
        ChatMessage message = conversations
                .find(messageId)
                .filter(found -> found.direction() == Direction.TO_USER)
                .orElseThrow(() -> new UserMessaging.UserActionException(
                        "No message " + messageId + " sent by the business", true));
        if (!isVoice(message)) {
            throw new UserMessaging.UserActionException(
                    "Message " + messageId + " is " + describe(message) + ", not a voice message: only audio sent"
                            + " with \"voice\": true is played, and Meta sends no played status for anything else",
                    false);
        }
        emit(message, "played", null, null, null);
    }

    private static String describe(ChatMessage message) {
        return message.type().equals("audio") ? "an audio file sent without \"voice\": true" : "a " + message.type();
    }

    private void schedule(long delayMillis, Runnable task) {
        scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void emit(ChatMessage message, String status, Billing billing, GraphError error, String details) {
        if (conversations.find(message.id()).isEmpty()) {
            return; // reset in between
        }
        conversations.advance(message.id(), status, error == null ? null : error.code() + " " + error.title());
        var update = new WebhookPayloads.StatusUpdate(
                message.id(),
                status,
                clock.instant().getEpochSecond(),
                message.waId(),
                message.callbackData(),
                billing != null,
                billing == null ? null : billing.conversationId(),
                billing == null ? null : billing.category(),
                billing == null ? null : billing.pricingType(),
                billing != null && billing.billable(),
                error,
                details);
        publisher.publish(payloads.status(update), () -> {});
    }
}
