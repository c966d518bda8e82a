package co.wpfoods.simulator.cloudapi.application;

import co.wpfoods.simulator.cloudapi.domain.CustomerServiceWindows;
import co.wpfoods.simulator.cloudapi.domain.GraphApiException;
import co.wpfoods.simulator.cloudapi.domain.GraphError;
import co.wpfoods.simulator.cloudapi.domain.TokenBucket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Meta's limits on sends, each switchable: per-number throughput (130429, §6.3), the pair
 * limit per recipient (131056, §6.4) and the customer service window (131047, §6.7).
 */
public final class SendPolicy {

    private final Clock clock;
    private final Settings settings;
    private final int pairBurst;
    private final Duration pairInterval;
    private final CustomerServiceWindows windows;
    private final AtomicReference<TokenBucket> throughput = new AtomicReference<>();
    private final Map<String, TokenBucket> pairs = new ConcurrentHashMap<>();

    public SendPolicy(Clock clock, Settings settings, int pairBurst, Duration pairInterval, Duration windowLength) {
        this.clock = clock;
        this.settings = settings;
        this.pairBurst = pairBurst;
        this.pairInterval = pairInterval;
        this.windows = new CustomerServiceWindows(windowLength);
        settings.onChange(changed -> resetLimits());
    }

    /** Synchronous limits: fails the send with 130429 or 131056. */
    public void admit(String waId) {
        SimulatorSettings now = settings.get();
        if (now.throughputLimit()) {
            TokenBucket bucket = throughput.updateAndGet(existing -> existing != null
                    ? existing
                    : new TokenBucket(now.messagesPerSecond(), now.messagesPerSecond(), clock.instant()));
            if (!bucket.tryTake(clock.instant())) {
                throw new GraphApiException(
                        GraphError.THROUGHPUT_LIMIT,
                        "Message failed to send because there were too many messages sent from this phone number"
                                + " (limit " + now.messagesPerSecond() + " messages per second).");
            }
        }
        if (now.pairLimit()) {
            TokenBucket bucket = pairs.computeIfAbsent(
                    waId, key -> TokenBucket.perInterval(pairBurst, pairInterval, clock.instant()));
            if (!bucket.tryTake(clock.instant())) {
                throw new GraphApiException(
                        GraphError.PAIR_RATE_LIMIT,
                        "Message failed to send because there were too many messages sent from this phone number"
                                + " to the same phone number in a short period of time.");
            }
        }
    }

    /** Whether a non-template message may reach this user now (always, when the window is not enforced). */
    public boolean windowAllows(String waId) {
        return !settings.get().windowEnforced() || windows.isOpen(waId, clock.instant());
    }

    public boolean windowOpen(String waId) {
        return windows.isOpen(waId, clock.instant());
    }

    public void userMessaged(String waId) {
        windows.userMessaged(waId, clock.instant());
    }

    public void reset() {
        windows.clear();
        resetLimits();
    }

    private void resetLimits() {
        throughput.set(null);
        pairs.clear();
    }
}
