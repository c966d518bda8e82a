package co.wpfoods.messaging.sending.application;

import co.wpfoods.messaging.sending.domain.MessageState;
import co.wpfoods.messaging.sending.domain.OutboundKindView;
import co.wpfoods.messaging.sending.domain.PairBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The outbound log and per-recipient queues (messaging-service's own database). A recipient is stored only as the keyed
 * hash of its number ({@link RecipientKey}) and a command only encrypted: the log hashes the clear recipient of a new
 * message and the sender of an inbound one, encrypts each command when it is queued and decrypts it when it is read.
 */
public interface OutboundLog {

    /**
     * A recipient as the log keys it: the keyed hash of its WhatsApp number (or business-scoped user id), never the
     * number. It identifies the queue and the 24-hour window; the number to send to is in the command.
     */
    record RecipientKey(byte[] hash) {
        public RecipientKey {
            hash = hash.clone();
        }

        @Override
        public byte[] hash() {
            return hash.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RecipientKey key && Arrays.equals(hash, key.hash);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(hash);
        }

        @Override
        public String toString() {
            return "RecipientKey[" + hash.length + " bytes]";
        }
    }

    /**
     * A command to queue: {@code recipient} is the clear identity of its {@code to} ({@link Commands#recipientOf}), which
     * the log stores only hashed; {@code command} the Avro bytes, which it stores only encrypted. {@code fallbackOf}: the
     * command whose fallback template this is; {@code traceparent}: the W3C trace context it arrived in (null if none),
     * continued by the send.
     */
    record NewMessage(
            String commandId,
            String recipient,
            OutboundKindView kind,
            String correlationId,
            byte[] command,
            Instant producedAt,
            String fallbackOf,
            String traceparent) {}

    /**
     * The oldest unfinished message of a recipient. {@code command}: the Avro bytes, decrypted, or null when no key of
     * the keyset opens them; {@code resendAt}: set while it is {@code unanswered}; {@code traceparent}: the trace its
     * command arrived in, or null.
     */
    record Head(
            String commandId,
            OutboundKindView kind,
            MessageState state,
            int attempts,
            byte[] command,
            Instant enqueuedAt,
            Instant resendAt,
            String traceparent) {}

    /**
     * A recipient this replica now holds, with its pair-limit state, head message (null if none) and the user's last
     * inbound message (null if never), read in the same statement as the claim.
     */
    record Claimed(RecipientKey recipient, PairBucket pair, int pairBackoffExponent, Head head, Instant lastInbound) {}

    /** Meta accepted a recipient's head message; the recipient is released with its charged pair bucket. */
    record AcceptedSend(
            String commandId,
            RecipientKey recipient,
            String wamid,
            boolean asFallback,
            Instant acceptedAt,
            Instant nextAttemptAt,
            PairBucket pair) {}

    /** A message as status tracking sees it ({@code command} decrypted, or null as in {@link Head}). */
    record Tracked(
            String commandId,
            RecipientKey recipient,
            MessageState state,
            String wamid,
            byte[] command,
            boolean sentAsFallback,
            String fallbackOf,
            String traceparent) {}

    /** Queues the command at the tail of its recipient's queue; false if this command id is already known. */
    default boolean enqueue(NewMessage message) {
        return enqueueAll(List.of(message)) == 1;
    }

    /**
     * Queues the commands, in list order, at the tails of their recipients' queues in one statement; command ids
     * already known are skipped. Returns how many were new.
     */
    int enqueueAll(List<NewMessage> messages);

    /** Records a command we will never send (e.g. invalid) as dead-lettered; false if already known. */
    boolean recordRejected(NewMessage message, Integer errorCode, String reason);

    /**
     * Leases up to {@code max} recipients that have work and may send now, with their head messages and windows, in
     * one statement.
     */
    List<Claimed> claim(String owner, int max, Duration lease);

    /** queued → sending (attempts + 1) for all of them in one statement; returns those that were still queued. */
    Set<String> markSending(Collection<String> commandIds);

    /**
     * sending → accepted with the wamid, and the recipients released (their head left the queue), for a batch of
     * sends in one statement. Recipients this replica no longer holds are left alone.
     */
    void recordAccepted(String owner, List<AcceptedSend> accepted);

    /** sending → queued; {@code countAttempt} false gives the attempt back (pauses, pair limit, open circuit). */
    boolean requeue(String commandId, boolean countAttempt, Integer errorCode, String errorMessage);

    /** queued/sending/uncertain → dead_lettered. */
    boolean markDeadLettered(String commandId, Integer errorCode, String reason);

    /** sending (left by a crashed attempt) or unanswered → uncertain. */
    boolean markUncertain(String commandId);

    /**
     * sending → unanswered: the request left us, its answer never came. It stays its recipient's head until a status
     * settles it or {@code resendAt}; false if a status moved it on meanwhile.
     */
    boolean markUnanswered(String commandId, Instant resendAt, String errorMessage);

    /** unanswered → queued once its {@code resend_at} has passed, to be sent again; false if a status settled it. */
    boolean requeueUnanswered(String commandId);

    /**
     * A status settled the recipient's unanswered head: its pending messages are counted afresh and it may send at
     * once (unless another replica holds it; that one's release decides).
     */
    void settleRecipient(RecipientKey recipient);

    /**
     * Gives the recipient back: next send not before {@code nextAttemptAt}. {@code headFinished}: its head message left
     * the queue (sent, dead-lettered, uncertain), so one message fewer is pending.
     */
    void release(
            RecipientKey recipient,
            String owner,
            Instant nextAttemptAt,
            PairBucket pair,
            int pairBackoffExponent,
            boolean headFinished);

    /** Gives the recipient back after counting its pending messages afresh (its count was found off). */
    void releaseRecounted(RecipientKey recipient, String owner, Instant nextAttemptAt);

    /** The user ({@code recipient} in clear, stored hashed) wrote to us at {@code sentAt} (Meta's time): the window. */
    void touchWindow(String recipient, Instant sentAt);

    Optional<Tracked> findByWamid(String wamid);

    /** The state of the message Meta knows as {@code wamid}, without reading its command. */
    Optional<MessageState> stateByWamid(String wamid);

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
