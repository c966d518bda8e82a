package co.wpfoods.ai.understanding.application.provider;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A provider's daily budget of requests and tokens, reset at midnight in Bogotá. A request is admitted while both
 * are under their limit; tokens are charged after the call (a call may overshoot once).
 */
public final class DailyQuota {

    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    private final long maxRequests;
    private final long maxTokens;
    private final Clock clock;
    private LocalDate day;
    private long requests;
    private long tokens;

    public DailyQuota(long maxRequests, long maxTokens, Clock clock) {
        this.maxRequests = maxRequests;
        this.maxTokens = maxTokens;
        this.clock = clock;
        this.day = LocalDate.now(clock.withZone(BOGOTA));
    }

    /** Takes one request from today's budget, or returns false when the day's requests or tokens are spent. */
    public synchronized boolean tryAcquire() {
        roll();
        if (requests >= maxRequests || tokens >= maxTokens) {
            return false;
        }
        requests++;
        return true;
    }

    public synchronized void chargeTokens(long used) {
        roll();
        tokens += used;
    }

    public synchronized long requestsToday() {
        roll();
        return requests;
    }

    public synchronized long tokensToday() {
        roll();
        return tokens;
    }

    private void roll() {
        LocalDate today = LocalDate.now(clock.withZone(BOGOTA));
        if (!today.equals(day)) {
            day = today;
            requests = 0;
            tokens = 0;
        }
    }
}
