package co.wpfoods.messaging.sending.application;

import co.wpfoods.messaging.sending.domain.OutboundKindView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** The sender's meters (names in the README). */
public class MessagingMetrics {

    private final MeterRegistry registry;
    private final Timer queueToSend;
    private final Counter recipientBackoffs;
    private final Timer slotLateness;
    private final AtomicReference<Double> tokensAvailable = new AtomicReference<>(0.0);
    private final AtomicLong queueDepth = new AtomicLong();
    private final AtomicLong recipientsInBackoff = new AtomicLong();
    private final AtomicLong tokenInvalid = new AtomicLong();

    public MessagingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.queueToSend = Timer.builder("wpfoods.messaging.queue.to.send")
                .description("From a command entering our queue to Meta accepting it")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
        this.slotLateness = Timer.builder("wpfoods.messaging.slot.lateness")
                .description("How late a send's thread woke up after its number-wide send slot")
                .publishPercentiles(0.5, 0.9, 0.99)
                .register(registry);
        this.recipientBackoffs = Counter.builder("wpfoods.messaging.recipient.backoffs")
                .description("Per-recipient backoffs after 131056 (pair rate limit)")
                .register(registry);
        Gauge.builder("wpfoods.messaging.throughput.tokens", tokensAvailable, AtomicReference::get)
                .description("Tokens left in the number-wide bucket at the last acquisition")
                .register(registry);
        Gauge.builder("wpfoods.messaging.queue.depth", queueDepth, AtomicLong::get)
                .description("Messages waiting to be sent (all recipients)")
                .register(registry);
        Gauge.builder("wpfoods.messaging.recipients.in.backoff", recipientsInBackoff, AtomicLong::get)
                .description("Recipients with pending messages that must wait (pair limit, backoff)")
                .register(registry);
        Gauge.builder("wpfoods.messaging.token.invalid", tokenInvalid, AtomicLong::get)
                .description("1 while sending is paused because Meta refused the access token (190): alert on it")
                .register(registry);
    }

    public void send(OutboundKindView kind, String result) {
        Counter.builder("wpfoods.messaging.sends")
                .description("Send attempts by message type and result")
                .tag("type", kind.name().toLowerCase(Locale.ROOT))
                .tag("result", result)
                .register(registry)
                .increment();
    }

    public void queueToSend(Duration latency) {
        queueToSend.record(latency.isNegative() ? Duration.ZERO : latency);
    }

    public Timer queueToSendTimer() {
        return queueToSend;
    }

    /** A send woke up too late for its slot and took a fresh one. */
    public void lateSlot() {
        Counter.builder("wpfoods.messaging.late.slots")
                .description("Sends that woke up too late for their slot and reserved a new one")
                .register(registry)
                .increment();
    }

    public void slotLateness(long nanos) {
        slotLateness.record(Math.max(0, nanos), java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    public void recipientBackoff() {
        recipientBackoffs.increment();
    }

    public void tokensAvailable(double value) {
        tokensAvailable.set(value);
    }

    public void queueDepth(long depth, long inBackoff) {
        queueDepth.set(depth);
        recipientsInBackoff.set(inBackoff);
    }

    public void tokenInvalid(boolean invalid) {
        tokenInvalid.set(invalid ? 1 : 0);
    }
}
