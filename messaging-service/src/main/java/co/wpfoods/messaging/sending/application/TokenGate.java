package co.wpfoods.messaging.sending.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pauses all sending while Meta refuses the access token (190): the refused message goes back to its queue, an alert
 * gauge goes to 1, and a probe that sends nothing checks the token every {@code probeInterval} (the token is re-read
 * each time, so a rotated token file or a token fixed at Meta's side resumes sending by itself).
 */
public class TokenGate {

    private static final Logger log = LoggerFactory.getLogger(TokenGate.class);

    private final GraphApi graph;
    private final MessagingMetrics metrics;
    private final Duration probeInterval;
    private final Clock clock;
    private volatile boolean paused;
    private volatile Instant nextProbe = Instant.MIN;

    public TokenGate(GraphApi graph, MessagingMetrics metrics, Duration probeInterval, Clock clock) {
        this.graph = graph;
        this.metrics = metrics;
        this.probeInterval = probeInterval;
        this.clock = clock;
    }

    public boolean isPaused() {
        return paused;
    }

    public synchronized void pause(String why) {
        if (!paused) {
            log.error("Meta refused the access token ({}); sending paused until it works again", why);
        }
        paused = true;
        nextProbe = clock.instant().plus(probeInterval);
        metrics.tokenInvalid(true);
    }

    /** Probes the token when due; returns true if sending may go on. */
    public synchronized boolean probeIfDue() {
        if (!paused) {
            return true;
        }
        if (clock.instant().isBefore(nextProbe)) {
            return false;
        }
        if (graph.tokenWorks()) {
            paused = false;
            metrics.tokenInvalid(false);
            log.info("Access token accepted again; sending resumed");
            return true;
        }
        nextProbe = clock.instant().plus(probeInterval);
        return false;
    }
}
