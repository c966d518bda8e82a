package co.wpfoods.messaging.sending.adapter.out.events;

import co.wpfoods.eventing.outbox.OutboxEvent;
import co.wpfoods.eventing.outbox.OutboxWriter;
import co.wpfoods.messaging.sending.application.Commands;
import co.wpfoods.messaging.sending.application.FailureEvents;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.messaging.FailureStage;
import co.wpfoods.schemas.messaging.OutboundFailed;
import co.wpfoods.schemas.wa.OutboundCommand;
import co.wpfoods.schemas.wa.OutboundDeadLetter;
import co.wpfoods.schemas.wa.OutboundKind;
import co.wpfoods.schemas.wa.WaUser;
import java.time.Clock;

/** Dead letters and failure events as outbox rows, in the caller's transaction. */
public class OutboxFailureEvents implements FailureEvents {

    private final OutboxWriter outbox;
    private final Clock clock;

    public OutboxFailureEvents(OutboxWriter outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void deadLettered(OutboundCommand command, String reason, Integer code, String message, int attempts) {
        String key = Commands.recipientOf(command.getTo());
        OutboundDeadLetter letter = OutboundDeadLetter.newBuilder()
                .setCommand(command)
                .setReason(reason)
                .setErrorCode(code)
                .setErrorMessage(message)
                .setAttempts(attempts)
                .setDeadLetteredAt(clock.instant())
                .build();
        outbox.append(OutboxEvent.of(Topics.WhatsApp.OUTBOUND_DLQ, key, letter, command.getCorrelationId()));
        failed(command, FailureStage.SEND, reason, code, message, null, false);
    }

    @Override
    public void failed(
            OutboundCommand command,
            FailureStage stage,
            String reason,
            Integer code,
            String message,
            String wamid,
            boolean fallbackSent) {
        OutboundFailed failed = OutboundFailed.newBuilder()
                .setCommandId(command.getCommandId() == null ? "" : command.getCommandId())
                .setCorrelationId(command.getCorrelationId() == null ? "" : command.getCorrelationId())
                .setRecipient(command.getTo() == null ? WaUser.newBuilder().build() : command.getTo())
                .setKind(command.getKind() == null ? OutboundKind.UNKNOWN : command.getKind())
                .setStage(stage)
                .setReason(reason)
                .setErrorCode(code)
                .setErrorMessage(message)
                .setWamid(wamid)
                .setFallbackSent(fallbackSent)
                .setFailedAt(clock.instant())
                .build();
        outbox.append(OutboxEvent.of(
                Topics.Messaging.DELIVERY, Commands.recipientOf(command.getTo()), failed, command.getCorrelationId()));
    }
}
