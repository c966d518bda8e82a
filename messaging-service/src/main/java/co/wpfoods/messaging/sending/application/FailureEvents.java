package co.wpfoods.messaging.sending.application;

import co.wpfoods.schemas.messaging.FailureStage;
import co.wpfoods.schemas.wa.OutboundCommand;

/** Publishes what went wrong through the outbox; call inside the transaction that records it. */
public interface FailureEvents {

    /** {@code wa.outbound.dlq.v1} plus an {@code OutboundFailed} on {@code messaging.delivery.v1}. */
    void deadLettered(OutboundCommand command, String reason, Integer errorCode, String errorMessage, int attempts);

    /** {@code OutboundFailed} on {@code messaging.delivery.v1}. */
    void failed(
            OutboundCommand command,
            FailureStage stage,
            String reason,
            Integer errorCode,
            String errorMessage,
            String wamid,
            boolean fallbackSent);
}
