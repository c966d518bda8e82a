package co.wpfoods.messaging.application;

import co.wpfoods.messaging.domain.MessageState;
import co.wpfoods.messaging.domain.OutboundKindView;
import co.wpfoods.messaging.domain.PairBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The outbound log and per-recipient queues (messaging-service's own database). */
public interface OutboundLog {

    /** A command to queue. {@code fallbackOf}: the command whose fallback template this is. */
    record NewMessage(
            String commandId,
            String recipient,
            OutboundKindView kind,
            String correlationId,
            byte[] command,
            Instant producedAt,
            String fallbackOf) {}

    /** The oldest unfinished message of a recipient. */
    record Head(
            String commandId,
            OutboundKindView kind,
            MessageState state,
            int attempts,
            byte[] command,
            Instant enqueuedAt) {}

    /** A recipient this replica now holds, with its pair-limit state and head message (null if none). */
    record Claimed(String recipient, PairBucket pair, int pairBackoffExponent, Head head) {}

    /** A message as status tracking sees it. */
    record Tracked(
            String commandId,
            String recipient,
            MessageState state,
            String wamid,
            byte[] command,
            boolean sentAsFallback,
            String fallbackOf) {}

    /** Queues the command at the tail of its recipient's queue; false if this command id is already known. */
    boolean enqueue(NewMessage message);

    /** Records a command we will never send (e.g. invalid) as dead-lettered; false if already known. */
    boolean recordRejected(NewMessage message, Integer errorCode, String reason);

    /** Leases up to {@code max} recipients that have work and may send now, with their head messages. */
    List<Claimed> claim(String owner, int max, Duration lease);

    Map<String, Instant> lastInbound(Collection<String> recipients);

    /** queued → sending (attempts + 1); false if the message is no longer queued. */
    boolean markSending(String commandId);

    boolean markAccepted(String commandId, String wamid, boolean asFallback);

    /** sending → queued; {@code countAttempt} false gives the attempt back (pauses, pair limit, open circuit). */
    boolean requeue(String commandId, boolean countAttempt, Integer errorCode, String errorMessage);

    /** queued/sending/uncertain → dead_lettered. */
    boolean markDeadLettered(String commandId, Integer errorCode, String reason);

    /** sending (left by a crashed attempt) → uncertain. */
    boolean markUncertain(String commandId);

    /** Gives the recipient back: next send not before {@code nextAttemptAt}; recounts its pending messages. */
    void release(String recipient, String owner, Instant nextAttemptAt, PairBucket pair, int pairBackoffExponent);

    void touchWindow(String recipient, Instant sentAt, String messageId);

    Optional<Tracked> findByWamid(String wamid);

    Optional<Tracked> findByCommandId(String commandId);

    /** Moves a message from {@code expected} to {@code next}; false if it changed meanwhile. */
    boolean applyStatus(
            String commandId,
            MessageState expected,
            MessageState next,
            String wamid,
            Integer errorCode,
            String errorMessage);

    long queueDepth();

    long recipientsInBackoff();
}
