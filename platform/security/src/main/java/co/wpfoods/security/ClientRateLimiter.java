package co.wpfoods.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * One token bucket per client with two limits (per second and per minute, greedy refill), kept for
 * at most {@code maxTrackedClients} clients (the least recently seen are forgotten first).
 */
public final class ClientRateLimiter {

    private final int perSecond;
    private final int perMinute;
    private final Cache<String, Bucket> buckets;

    public ClientRateLimiter(int perSecond, int perMinute, int maxTrackedClients) {
        this.perSecond = perSecond;
        this.perMinute = perMinute;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxTrackedClients)
                .expireAfterAccess(Duration.ofMinutes(2))
                .build();
    }

    /** Takes one request from the client's allowance: 0 when allowed, else the whole seconds to wait. */
    public long tryTake(String client) {
        ConsumptionProbe probe = buckets.get(client, c -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        long nanos = probe.getNanosToWaitForRefill();
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perSecond)
                        .refillGreedy(perSecond, Duration.ofSeconds(1))
                        .build())
                .addLimit(Bandwidth.builder()
                        .capacity(perMinute)
                        .refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build();
    }
}
