package co.wpfoods.messaging.sending.application;

import co.wpfoods.messaging.sending.application.OutboundLog.NewMessage;
import co.wpfoods.messaging.sending.domain.OutboundKindView;
import co.wpfoods.schemas.messaging.FailureStage;
import co.wpfoods.schemas.wa.OutboundCommand;

/**
 * Meta said the window is closed (131047, async or sync): queue the command's fallback template at the tail of the
 * recipient's queue (command id {@code <id>:fallback}, so it is queued once), and tell the producer. Runs inside the
 * caller's transaction.
 */
public class FallingBack {

    public static final int REENGAGEMENT_REQUIRED = 131047;
    static final String FALLBACK_SUFFIX = ":fallback";

    private final OutboundLog outboundLog;
    private final Commands commands;
    private final FailureEvents events;

    public FallingBack(OutboundLog outboundLog, Commands commands, FailureEvents events) {
        this.outboundLog = outboundLog;
        this.commands = commands;
        this.events = events;
    }

    public static boolean applies(Integer code, OutboundCommand command, boolean wasFallback, String fallbackOf) {
        return code != null
                && code == REENGAGEMENT_REQUIRED
                && command.getFallbackTemplate() != null
                && !wasFallback
                && fallbackOf == null;
    }

    /**
     * Queues the fallback to the command's own recipient, in the trace of the command it replaces
     * ({@code traceparent}); returns true if it was new.
     */
    public boolean queueFallback(
            OutboundCommand command,
            FailureStage stage,
            Integer code,
            String message,
            String wamid,
            String traceparent) {
        String fallbackId = command.getCommandId() + FALLBACK_SUFFIX;
        OutboundCommand fallback = Commands.asTemplate(command, fallbackId, command.getFallbackTemplate());
        boolean queued = outboundLog.enqueue(new NewMessage(
                fallbackId,
                Commands.recipientOf(command.getTo()),
                OutboundKindView.TEMPLATE,
                command.getCorrelationId(),
                commands.encode(fallback),
                command.getCreatedAt(),
                command.getCommandId(),
                traceparent));
        events.failed(command, stage, "outside_window_fallback_sent", code, message, wamid, true);
        return queued;
    }
}
