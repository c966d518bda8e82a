package co.wpfoods.messaging.sending.application;

import co.wpfoods.messaging.sending.application.OutboundLog.Tracked;
import co.wpfoods.messaging.sending.domain.MessageState;
import co.wpfoods.schemas.messaging.FailureStage;
import co.wpfoods.schemas.wa.DeliveryStatus;
import co.wpfoods.schemas.wa.OutboundCommand;
import co.wpfoods.schemas.wa.WaError;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies status webhooks ({@code wa.status.v1}) to the outbound log: forward only, {@code failed} terminal. A failed
 * status publishes {@code OutboundFailed}; 131047 (window closed) queues the command's fallback template instead.
 */
public class TrackingStatuses {

    private static final Logger log = LoggerFactory.getLogger(TrackingStatuses.class);

    private final OutboundLog outboundLog;
    private final Commands commands;
    private final FailureEvents events;
    private final TransactionTemplate tx;
    private final FallingBack fallingBack;
    private final Runnable wakeSender;

    public TrackingStatuses(
            OutboundLog outboundLog,
            Commands commands,
            FailureEvents events,
            FallingBack fallingBack,
            TransactionTemplate tx,
            Runnable wakeSender) {
        this.outboundLog = outboundLog;
        this.commands = commands;
        this.events = events;
        this.fallingBack = fallingBack;
        this.tx = tx;
        this.wakeSender = wakeSender;
    }

    /** @return the state the message is in afterwards, empty if the status is not for one of our messages */
    public Optional<MessageState> apply(DeliveryStatus status) {
        MessageState reported;
        try {
            reported = MessageState.valueOf(status.getStatus().name());
        } catch (IllegalArgumentException e) {
            log.info("Ignoring status {} for {}", status.getMetaStatus(), status.getMessageId());
            return Optional.empty();
        }
        if (!reported.isDeliveryStatus()) {
            return Optional.empty();
        }
        Boolean wake = tx.execute(s -> {
            Optional<Tracked> found = outboundLog.findByWamid(status.getMessageId());
            if (found.isEmpty() && status.getBizOpaqueCallbackData() != null) {
                found = outboundLog.findByCommandId(status.getBizOpaqueCallbackData());
            }
            if (found.isEmpty()) {
                log.info(
                        "Status {} for unknown message {} (another app on the WABA, or not ours)",
                        status.getMetaStatus(),
                        status.getMessageId());
                return null;
            }
            Tracked tracked = found.get();
            MessageState next = tracked.state().onStatus(reported);
            if (next == tracked.state()) {
                return false;
            }
            WaError error =
                    status.getErrors().isEmpty() ? null : status.getErrors().get(0);
            Integer code = error == null ? null : error.getCode();
            String message = error == null ? null : describe(error);
            if (!outboundLog.applyStatus(
                    tracked.commandId(), tracked.state(), next, status.getMessageId(), code, message)) {
                return false;
            }
            boolean settled = tracked.state() == MessageState.UNANSWERED;
            if (settled) {
                // Meta did get the send whose answer was lost: it is not sent again, and its recipient's next
                // message may go now
                log.info("Status {} settles unanswered send {}", status.getMetaStatus(), tracked.commandId());
                outboundLog.settleRecipient(tracked.recipient());
            }
            return (next == MessageState.FAILED && onFailed(tracked, status.getMessageId(), code, message)) || settled;
        });
        if (Boolean.TRUE.equals(wake)) {
            wakeSender.run();
        }
        return outboundLog.stateByWamid(status.getMessageId());
    }

    private boolean onFailed(Tracked tracked, String wamid, Integer code, String message) {
        OutboundCommand command = commands.decodeStored(tracked.commandId(), tracked.command());
        if (FallingBack.applies(code, command, tracked.sentAsFallback(), tracked.fallbackOf())) {
            return fallingBack.queueFallback(
                    command, FailureStage.DELIVERY, code, message, wamid, tracked.traceparent());
        }
        events.failed(command, FailureStage.DELIVERY, "delivery_failed", code, message, wamid, false);
        return false;
    }

    private static String describe(WaError error) {
        String title = error.getMessage() != null ? error.getMessage() : error.getTitle();
        if (error.getDetails() == null) {
            return title;
        }
        return title == null ? error.getDetails() : title + ": " + error.getDetails();
    }
}
