package co.wpfoods.messaging.sending.adapter.in.kafka;

import co.wpfoods.eventing.UnhandledEventException;
import co.wpfoods.messaging.sending.application.AcceptingCommands;
import co.wpfoods.schemas.Headers;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.wa.OutboundCommand;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * {@code wa.outbound.v1} → the outbound log, a whole poll at a time: one statement inserts the batch, then the offsets
 * commit once. Idempotent by command id, so a batch delivered again changes nothing. A record that is not an
 * {@code OutboundCommand} (or does not decode) fails the batch at its index: the records before it are queued and
 * committed, it goes to the dead-letter topic, and the rest is delivered again. Each command keeps its record's
 * {@code traceparent} header, so its send continues the producer's trace.
 */
public class OutboundCommandListener {

    public static final String CONTAINER_FACTORY = "outboundBatchContainerFactory";

    private final AcceptingCommands accepting;

    public OutboundCommandListener(AcceptingCommands accepting) {
        this.accepting = accepting;
    }

    @KafkaListener(
            id = "messaging-outbound",
            topics = Topics.WhatsApp.OUTBOUND,
            containerFactory = CONTAINER_FACTORY,
            concurrency = "${wpfoods.messaging.kafka.outbound-concurrency:3}")
    void on(List<ConsumerRecord<String, SpecificRecord>> records) {
        List<AcceptingCommands.Arrived> commands = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).value() instanceof OutboundCommand command) {
                commands.add(new AcceptingCommands.Arrived(command, traceparentOf(records.get(i))));
            } else {
                accepting.acceptAll(commands);
                throw new BatchListenerFailedException(
                        "not an OutboundCommand",
                        new UnhandledEventException(
                                "messaging-outbound", records.get(i).value()),
                        i);
            }
        }
        accepting.acceptAll(commands);
    }

    /** The record's W3C trace context (the producer's span), which the send continues; null if it has none. */
    static String traceparentOf(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(Headers.TRACEPARENT);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
