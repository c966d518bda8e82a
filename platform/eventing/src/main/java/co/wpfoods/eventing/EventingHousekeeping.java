package co.wpfoods.eventing;

import co.wpfoods.eventing.inbox.Inbox;
import co.wpfoods.eventing.outbox.OutboxRelay;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes published outbox rows a crash left behind and forgets old inbox ids, every {@code period}.
 *
 * <p>It holds the relay it sweeps for (never looks it up later), and it stops before the relay does: a context that
 * is closing waits for a sweep in progress and starts none after, so housekeeping never touches a closed relay or
 * asks a closed context for beans.
 */
public final class EventingHousekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventingHousekeeping.class);

    private final OutboxRelay relay; // null where the relay is switched off
    private final Inbox inbox;
    private final Duration inboxRetention;
    private final Duration firstRunAfter;
    private final Duration period;
    private ScheduledExecutorService scheduler;

    public EventingHousekeeping(
            OutboxRelay relay, Inbox inbox, Duration inboxRetention, Duration firstRunAfter, Duration period) {
        this.relay = relay;
        this.inbox = inbox;
        this.inboxRetention = inboxRetention;
        this.firstRunAfter = firstRunAfter;
        this.period = period;
    }

    /** One round: sweep the outbox if the relay is healthy, then forget inbox ids older than the retention. */
    public synchronized void runOnce() {
        if (relay != null) {
            relay.sweepIfHealthy();
        }
        inbox.forgetOlderThan(inboxRetention);
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("eventing-housekeeping").factory());
        scheduler.scheduleWithFixedDelay(
                this::runQuietly, firstRunAfter.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService current;
        synchronized (this) {
            current = scheduler;
            scheduler = null;
        }
        if (current == null) {
            return;
        }
        current.shutdown();
        try {
            if (!current.awaitTermination(30, TimeUnit.SECONDS)) {
                current.shutdownNow();
            }
        } catch (InterruptedException e) {
            current.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        // above the relay's phase: stops first, starts last
        return Integer.MAX_VALUE - 50;
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("Eventing housekeeping failed; it runs again in {}", period, e);
        }
    }
}
