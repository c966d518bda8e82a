package co.wpfoods.messaging.sending.application;

import co.wpfoods.messaging.sending.application.OutboundLog.NewMessage;
import co.wpfoods.schemas.wa.OutboundCommand;
import co.wpfoods.schemas.wa.OutboundLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a command from {@code wa.outbound.v1} into the outbound log. The command id is the primary key, so a command
 * Kafka delivers again (or a producer publishes twice) is queued once and sent at most once. A command that breaks
 * Meta's limits is dead-lettered at once with reason {@code invalid_command}.
 */
public class AcceptingCommands {

    private static final Logger log = LoggerFactory.getLogger(AcceptingCommands.class);
    /** Six or more digits (spaces allowed inside, a leading '+'): a phone number, even a malformed one. */
    private static final Pattern NUMBER = Pattern.compile("\\+?\\d[\\d ]{4,}\\d");

    private final OutboundLog outboundLog;
    private final Commands commands;
    private final FailureEvents events;
    private final TransactionTemplate tx;
    private final Runnable wakeSender;

    public AcceptingCommands(
            OutboundLog outboundLog,
            Commands commands,
            FailureEvents events,
            TransactionTemplate tx,
            Runnable wakeSender) {
        this.outboundLog = outboundLog;
        this.commands = commands;
        this.events = events;
        this.tx = tx;
        this.wakeSender = wakeSender;
    }

    /** A command as it arrived, with the W3C trace context of its Kafka record (null if it had none). */
    public record Arrived(OutboundCommand command, String traceparent) {}

    /** @return true if the command was new */
    public boolean accept(OutboundCommand command) {
        return acceptAll(List.of(new Arrived(command, null))) == 1;
    }

    /**
     * Takes a batch (one Kafka poll) into the log: the valid commands in one statement, in order, each with the trace
     * it arrived in; invalid ones are dead-lettered one by one. Returns how many commands were new.
     */
    public int acceptAll(List<Arrived> batch) {
        List<NewMessage> valid = new ArrayList<>(batch.size());
        int added = 0;
        for (Arrived arrived : batch) {
            OutboundCommand command = arrived.command();
            NewMessage message = new NewMessage(
                    command.getCommandId() == null ? "missing-id" : command.getCommandId(),
                    Commands.recipientOf(command.getTo()),
                    Commands.kindOf(command),
                    command.getCorrelationId() == null ? "" : command.getCorrelationId(),
                    commands.encode(command),
                    command.getCreatedAt(),
                    null,
                    arrived.traceparent());
            try {
                OutboundLimits.validate(command);
                valid.add(message);
            } catch (IllegalArgumentException invalid) {
                if (reject(command, message, invalid)) {
                    added++;
                }
            }
        }
        int queued = outboundLog.enqueueAll(valid);
        if (queued > 0) {
            wakeSender.run();
        }
        if (queued < valid.size()) {
            log.debug("{} of {} commands already known; not queued again", valid.size() - queued, valid.size());
        }
        return added + queued;
    }

    private boolean reject(OutboundCommand command, NewMessage message, IllegalArgumentException invalid) {
        String reason = withoutNumbers(invalid.getMessage());
        log.warn("Invalid command {} dead-lettered: {}", command.getCommandId(), reason);
        return Boolean.TRUE.equals(tx.execute(status -> {
            boolean isNew = outboundLog.recordRejected(message, null, "invalid_command: " + reason);
            if (isNew) {
                events.deadLettered(command, "invalid_command", null, invalid.getMessage(), 0);
            }
            return isNew;
        }));
    }

    /**
     * Meta's limits quote the value that broke them ({@code to.waId ... got '+573001234567'}): the log line and the
     * stored row say why without the number. The dead letter (an event to the producer) keeps the whole reason.
     */
    static String withoutNumbers(String reason) {
        return reason == null ? null : NUMBER.matcher(reason).replaceAll("…");
    }
}
