package co.wpfoods.gateway.edge.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/**
 * Per-client token buckets (Bucket4j): every client key (the client IP) gets its own bucket with a
 * per-second and a per-minute limit, both refilled smoothly. Buckets live in this instance's memory
 * only, in a bounded cache that forgets clients idle for longer than the longest window (their
 * bucket would be full again anyway). With N gateway instances a client may get up to N times the
 * limit; see the module README.
 */
public final class ClientRateLimiter {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final long perSecond;
    private final long perMinute;
    private final TimeMeter clock;
    private final Cache<String, Bucket> buckets;

    public ClientRateLimiter(long perSecond, long perMinute, long maxTrackedClients) {
        this(perSecond, perMinute, maxTrackedClients, TimeMeter.SYSTEM_NANOTIME);
    }

    ClientRateLimiter(long perSecond, long perMinute, long maxTrackedClients, TimeMeter clock) {
        if (perSecond < 1 || perMinute < 1 || maxTrackedClients < 1) {
            throw new IllegalArgumentException("rate limits and the client cache size must be positive");
        }
        this.perSecond = perSecond;
        this.perMinute = perMinute;
        this.clock = clock;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxTrackedClients)
                .expireAfterAccess(MINUTE.plus(SECOND))
                .build();
    }

    /** Takes one token from {@code clientKey}'s bucket, or says how long until one is available. */
    public RateDecision tryAcquire(String clientKey) {
        ConsumptionProbe probe = buckets.get(clientKey, key -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return RateDecision.allow();
        }
        return RateDecision.deny(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(perSecond).refillGreedy(perSecond, SECOND))
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, MINUTE))
                .withCustomTimePrecision(clock)
                .build();
    }
}
