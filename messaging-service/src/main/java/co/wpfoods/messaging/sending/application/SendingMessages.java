package co.wpfoods.messaging.sending.application;

import co.wpfoods.messaging.sending.application.OutboundLog.AcceptedSend;
import co.wpfoods.messaging.sending.application.OutboundLog.Claimed;
import co.wpfoods.messaging.sending.application.OutboundLog.Head;
import co.wpfoods.messaging.sending.domain.CustomerServiceWindow;
import co.wpfoods.messaging.sending.domain.GraphOutcome;
import co.wpfoods.messaging.sending.domain.MessageState;
import co.wpfoods.messaging.sending.domain.OutboundKindView;
import co.wpfoods.messaging.sending.domain.PairBucket;
import co.wpfoods.schemas.messaging.FailureStage;
import co.wpfoods.schemas.wa.OutboundCommand;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One send for one claimed recipient: decide what to send (window, fallback), record {@code sending}, call Meta, and
 * record the outcome — retry later, back off this recipient, dead-letter, or pause for the token — then release the
 * recipient. The recipient is held (leased) by this replica from claim to release, so one recipient has at most one
 * message in flight and its messages leave in order.
 */
public class SendingMessages {

    private static final Logger log = LoggerFactory.getLogger(SendingMessages.class);

    /** What to do with a claimed recipient's head message. */
    public sealed interface Decision {}

    /**
     * Send {@code message} now (one throughput token needed): the command itself, or its fallback template when
     * {@code asFallback}; {@code command} is the command as queued.
     */
    public record Send(Claimed claimed, OutboundCommand command, OutboundCommand message, boolean asFallback)
            implements Decision {}

    /** Already handled (dead-lettered, deferred, nothing to do); the recipient was released. */
    public record Handled() implements Decision {}

    private final OutboundLog outboundLog;
    private final GraphApi graph;
    private final FailureEvents events;
    private final FallingBack fallingBack;
    private final Commands commands;
    private final TokenGate tokenGate;
    private final MessagingMetrics metrics;
    private final TransactionTemplate tx;
    private final SendingSettings settings;
    private final CustomerServiceWindow window;
    private final IntervalFunction retryIntervals;
    private final String owner;
    private final Clock clock;
    private final AcceptedSends acceptedSends;

    public SendingMessages(
            OutboundLog outboundLog,
            GraphApi graph,
            FailureEvents events,
            FallingBack fallingBack,
            Commands commands,
            TokenGate tokenGate,
            MessagingMetrics metrics,
            TransactionTemplate tx,
            SendingSettings settings,
            String owner,
            Clock clock,
            AcceptedSends acceptedSends) {
        this.acceptedSends = acceptedSends;
        this.outboundLog = outboundLog;
        this.graph = graph;
        this.events = events;
        this.fallingBack = fallingBack;
        this.commands = commands;
        this.tokenGate = tokenGate;
        this.metrics = metrics;
        this.tx = tx;
        this.settings = settings;
        this.owner = owner;
        this.clock = clock;
        this.window = new CustomerServiceWindow(
                settings.window().length(), settings.window().safetyMargin());
        SendingSettings.Retry retry = settings.retry();
        this.retryIntervals = IntervalFunction.ofExponentialRandomBackoff(
                retry.initialInterval(), retry.multiplier(), retry.jitter(), retry.maxInterval());
    }

    public Decision prepare(Claimed claimed) {
        Instant now = clock.instant();
        Head head = claimed.head();
        if (head == null) {
            // its pending count was off (e.g. a status moved a queued message on): count afresh
            outboundLog.releaseRecounted(claimed.recipient(), owner, now);
            return new Handled();
        }
        OutboundCommand command = commands.decodeStored(head.commandId(), head.command());
        if (head.state() == MessageState.SENDING) {
            return recoverInterrupted(claimed, command, now);
        }
        if (head.state() == MessageState.UNANSWERED) {
            if (head.resendAt() != null && now.isBefore(head.resendAt())) {
                // still waiting for a status that says whether Meta has it; nothing after it may go meanwhile
                release(claimed, head.resendAt(), false);
                return new Handled();
            }
            if (!outboundLog.requeueUnanswered(head.commandId())) {
                // a status settled it meanwhile (or its time has not come by the database's clock)
                outboundLog.releaseRecounted(claimed.recipient(), owner, now);
                return new Handled();
            }
            log.warn(
                    "No answer and no status for {} within {}; sending it again",
                    head.commandId(),
                    settings.sender().unansweredGrace());
            metrics.send(head.kind(), "resent_unanswered");
        }
        OutboundKindView kind = head.kind();
        if (CustomerServiceWindow.needsWindow(kind) && !window.isOpen(claimed.lastInbound(), now)) {
            Instant graceEnds = head.enqueuedAt().plus(settings.window().grace());
            if (now.isBefore(graceEnds)) {
                // the user's message that opened the window may still be on its way to us
                release(claimed, graceEnds, false);
                return new Handled();
            }
            if (command.getFallbackTemplate() == null) {
                deadLetter(
                        claimed,
                        command,
                        "outside_window_no_template",
                        null,
                        "The 24-hour customer service window is closed and the command has no fallback template",
                        head.attempts());
                return new Handled();
            }
            OutboundCommand template =
                    Commands.asTemplate(command, command.getCommandId(), command.getFallbackTemplate());
            return new Send(claimed, command, template, true);
        }
        return new Send(claimed, command, command, false);
    }

    /**
     * The head was left in {@code sending}: a replica crashed (or lost its lease) between recording {@code sending}
     * and recording Meta's answer, so Meta may or may not have it — the same uncertainty as a lost answer, and the same
     * rule: it becomes {@code unanswered} and stays its recipient's head, a status carrying the command id
     * ({@code biz_opaque_callback_data}) settles it, and only if none arrives within {@code sender.unanswered-grace}
     * from now is it sent again. The grace counts from now, not from the lost attempt: after a restart of the whole
     * platform the statuses Meta sent meanwhile are still waiting in {@code wa.status.v1} behind the sender. Mark-as-read
     * and reactions are harmless to repeat and are resent at once.
     */
    private Decision recoverInterrupted(Claimed claimed, OutboundCommand command, Instant now) {
        Head head = claimed.head();
        OutboundKindView kind = head.kind();
        if (kind.isIdempotentAtMeta()) {
            log.warn("Resending {} {} after an interrupted attempt", kind, command.getCommandId());
            outboundLog.requeue(command.getCommandId(), true, null, "interrupted attempt, resent");
            release(claimed, now, false);
            return new Handled();
        }
        metrics.send(kind, "interrupted");
        if (head.attempts() >= settings.retry().maxAttempts()) {
            giveUpUncertain(
                    claimed,
                    command,
                    "The sender stopped between calling Meta and recording the answer, after " + head.attempts()
                            + " attempts",
                    now);
            return new Handled();
        }
        Instant resendAt = now.plus(settings.sender().unansweredGrace());
        if (outboundLog.markUnanswered(
                command.getCommandId(), resendAt, "interrupted attempt: the sender stopped before Meta's answer")) {
            log.warn(
                    "Command {} was in flight when its sender stopped; waiting for its status until {} before sending"
                            + " it again",
                    command.getCommandId(),
                    resendAt);
            release(claimed, resendAt, false);
        } else {
            // a status settled it meanwhile
            outboundLog.releaseRecounted(claimed.recipient(), owner, now);
        }
        return new Handled();
    }

    /** No more attempts for a send whose outcome is unknown: {@code uncertain}, and the producer is told. */
    private void giveUpUncertain(Claimed claimed, OutboundCommand command, String why, Instant now) {
        tx.executeWithoutResult(status -> {
            if (outboundLog.markUncertain(command.getCommandId())) {
                events.failed(command, FailureStage.UNKNOWN, "send_outcome_unknown", null, why, null, false);
            }
        });
        metrics.send(claimed.head().kind(), "uncertain");
        release(claimed, now, true);
    }

    /** Gives back a recipient whose prepared send will not happen now (e.g. sending was paused meanwhile). */
    public void releaseUnsent(Send send) {
        release(send.claimed(), clock.instant(), false);
    }

    /** Gives back a send {@link #begin} marked {@code sending} that will not happen now: queued again, attempt not counted. */
    public void abandon(Send send) {
        outboundLog.requeue(send.claimed().head().commandId(), false, null, "not sent: the sender stopped or paused");
        release(send.claimed(), clock.instant(), false);
    }

    /**
     * Records {@code sending} for a batch of sends in one statement, before the calls (and before waiting for their
     * send slots, so that no database round trip lies between a slot and its request). Returns the sends that may go;
     * a message no longer queued is not sent and its recipient is released.
     */
    public List<Send> begin(List<Send> sends) {
        Set<String> marked = outboundLog.markSending(
                sends.stream().map(s -> s.claimed().head().commandId()).toList());
        List<Send> go = new ArrayList<>(marked.size());
        for (Send send : sends) {
            if (marked.contains(send.claimed().head().commandId())) {
                go.add(send);
            } else {
                outboundLog.releaseRecounted(send.claimed().recipient(), owner, clock.instant());
            }
        }
        return go;
    }

    /**
     * Calls Meta for a message {@link #begin} marked {@code sending} and records the outcome: an accepted send is
     * handed to {@link AcceptedSends}, which records it with others in one statement and releases the recipient;
     * anything else is recorded here.
     *
     * @return true if Meta accepted it (its recipient is released when the accepted sends are written)
     */
    public boolean send(Send send) {
        Claimed claimed = send.claimed();
        Head head = claimed.head();
        String commandId = head.commandId();
        OutboundKindView kind = send.asFallback() ? OutboundKindView.TEMPLATE : head.kind();
        int attempts = head.attempts() + 1;
        GraphOutcome outcome = graph.send(send.message(), head.traceparent());
        Instant now = clock.instant();
        switch (outcome) {
            case GraphOutcome.Accepted accepted -> {
                metrics.send(kind, send.asFallback() ? "accepted_fallback" : "accepted");
                metrics.queueToSend(Duration.between(head.enqueuedAt(), now));
                PairBucket pair = kind.countsForPairLimit()
                        ? claimed.pair()
                                .take(
                                        now,
                                        settings.pair().burst(),
                                        settings.pair().refillPeriod())
                        : claimed.pair();
                acceptedSends.add(new AcceptedSend(
                        commandId,
                        claimed.recipient(),
                        accepted.wamid(),
                        send.asFallback(),
                        now,
                        pair.nextSendAt(
                                now, settings.pair().burst(), settings.pair().refillPeriod()),
                        pair));
                return true;
            }
            case GraphOutcome.PairLimited limited -> {
                outboundLog.requeue(commandId, false, 131056, limited.message());
                metrics.send(kind, "pair_limited");
                metrics.recipientBackoff();
                int exponent = claimed.pairBackoffExponent();
                Duration wait = pairBackoff(exponent);
                log.info("Pair limit for a recipient; backing off {} for it only", wait);
                outboundLog.release(
                        claimed.recipient(),
                        owner,
                        now.plus(wait),
                        claimed.pair().emptied(now),
                        exponent + 1,
                        false);
            }
            case GraphOutcome.Transient failure -> retryLater(send, failure, attempts, now);
            case GraphOutcome.Unanswered unanswered -> awaitStatus(send, unanswered, attempts, now);
            case GraphOutcome.TokenInvalid invalid -> {
                outboundLog.requeue(commandId, false, invalid.code(), invalid.message());
                metrics.send(kind, "token_invalid");
                tokenGate.pause(invalid.code() + " " + invalid.message());
                release(claimed, now, false);
            }
            case GraphOutcome.Permanent permanent
            when FallingBack.applies(permanent.code(), send.command(), send.asFallback(), null) -> {
                metrics.send(kind, "outside_window");
                tx.executeWithoutResult(status -> {
                    if (outboundLog.applyStatus(
                            commandId,
                            MessageState.SENDING,
                            MessageState.FAILED,
                            null,
                            permanent.code(),
                            permanent.message())) {
                        fallingBack.queueFallback(
                                send.command(),
                                FailureStage.SEND,
                                permanent.code(),
                                permanent.message(),
                                null,
                                claimed.head().traceparent());
                    }
                });
                release(claimed, now, true);
            }
            case GraphOutcome.Permanent permanent -> {
                metrics.send(kind, "rejected");
                deadLetter(claimed, send.command(), "graph_error", permanent.code(), permanent.message(), attempts);
            }
            case GraphOutcome.NotAttempted notAttempted -> {
                outboundLog.requeue(commandId, false, null, notAttempted.why());
                metrics.send(kind, "circuit_open");
                release(claimed, now.plus(settings.breakerWaitInOpen().dividedBy(10)), false);
            }
        }
        return false;
    }

    private void retryLater(Send send, GraphOutcome.Transient failure, int attempts, Instant now) {
        Claimed claimed = send.claimed();
        OutboundKindView kind = claimed.head().kind();
        int max = failure.kind() == GraphOutcome.Retry.UNKNOWN_BOUNDED
                ? settings.retry().unknownErrorMaxAttempts()
                : settings.retry().maxAttempts();
        if (attempts >= max) {
            metrics.send(kind, "retries_exhausted");
            deadLetter(claimed, send.command(), "retries_exhausted", failure.code(), failure.message(), attempts);
            return;
        }
        outboundLog.requeue(claimed.head().commandId(), true, failure.code(), failure.message());
        metrics.send(kind, failure.kind() == GraphOutcome.Retry.THROUGHPUT ? "throughput_limited" : "retry");
        Duration wait = failure.kind() == GraphOutcome.Retry.MAINTENANCE
                ? settings.retry().maintenancePause()
                : Duration.ofMillis(retryIntervals.apply(attempts));
        release(claimed, now.plus(wait), false);
    }

    /**
     * The request left us but its answer never came, so Meta may have accepted it: resending at once could show the
     * user the message twice. It becomes {@code unanswered} and stays its recipient's head (order holds): a
     * {@code sent}/{@code delivered}/{@code failed} status carrying the command id ({@code biz_opaque_callback_data})
     * settles it; if none comes within {@code sender.unanswered-grace}, the next claim sends it again. Everything is in
     * the database, so any replica, after any restart, applies the same rule. Mark-as-read and reactions are harmless
     * to repeat and are retried like a 5xx. After {@code retry.max-attempts} it is given up as {@code uncertain}.
     */
    private void awaitStatus(Send send, GraphOutcome.Unanswered unanswered, int attempts, Instant now) {
        Claimed claimed = send.claimed();
        OutboundKindView kind = claimed.head().kind();
        String commandId = claimed.head().commandId();
        if (kind.isIdempotentAtMeta()) {
            retryLater(
                    send,
                    new GraphOutcome.Transient(0, unanswered.message(), GraphOutcome.Retry.SERVER),
                    attempts,
                    now);
            return;
        }
        metrics.send(kind, "unanswered");
        if (attempts >= settings.retry().maxAttempts()) {
            giveUpUncertain(
                    claimed,
                    send.command(),
                    "No answer from Meta after " + attempts + " attempts: " + unanswered.message(),
                    now);
            return;
        }
        Instant resendAt = now.plus(settings.sender().unansweredGrace());
        if (outboundLog.markUnanswered(commandId, resendAt, unanswered.message())) {
            log.info(
                    "No answer from Meta for {} ({}); waiting for its status until {}",
                    commandId,
                    unanswered,
                    resendAt);
            release(claimed, resendAt, false);
        } else {
            // a status already settled it while the request was waiting for its answer
            release(claimed, now, true);
        }
    }

    Duration pairBackoff(int exponent) {
        SendingSettings.Pair pair = settings.pair();
        double factor = Math.pow(pair.backoffBase(), Math.min(exponent, 20));
        long nanos = (long) Math.min(Long.MAX_VALUE / 2.0, pair.backoffUnit().toNanos() * factor);
        Duration wait = Duration.ofNanos(nanos);
        return wait.compareTo(pair.maxBackoff()) > 0 ? pair.maxBackoff() : wait;
    }

    private void deadLetter(
            Claimed claimed, OutboundCommand command, String reason, Integer code, String message, int attempts) {
        tx.executeWithoutResult(status -> {
            if (outboundLog.markDeadLettered(
                    command.getCommandId(), code, reason + (message == null ? "" : ": " + message))) {
                events.deadLettered(command, reason, code, message, attempts);
            }
        });
        metrics.send(claimed.head().kind(), "dead_lettered");
        release(claimed, clock.instant(), true);
    }

    /** @param headFinished the head message left the queue (sent, dead-lettered, uncertain) */
    private void release(Claimed claimed, Instant nextAttemptAt, boolean headFinished) {
        outboundLog.release(
                claimed.recipient(), owner, nextAttemptAt, claimed.pair(), claimed.pairBackoffExponent(), headFinished);
    }
}
