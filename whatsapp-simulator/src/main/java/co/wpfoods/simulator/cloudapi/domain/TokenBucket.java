package co.wpfoods.simulator.cloudapi.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket: {@code capacity} tokens, refilled continuously at {@code refillPerSecond}.
 * Models both Meta's per-number throughput (capacity = mps, refill = mps) and the pair limit
 * (burst 45, one token every 6 s, so a burst must be "paid back" at the normal rate).
 */
public final class TokenBucket {

    private final double capacity;
    private final double refillPerSecond;
    private double tokens;
    private Instant last;

    public TokenBucket(double capacity, double refillPerSecond, Instant now) {
        if (capacity < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("capacity must be >= 1 and refill > 0");
        }
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
        this.tokens = capacity;
        this.last = now;
    }

    public static TokenBucket perInterval(int burst, Duration interval, Instant now) {
        return new TokenBucket(burst, 1_000_000_000.0 / interval.toNanos(), now);
    }

    /** Takes one token if there is one; time never runs backwards for the bucket. */
    public synchronized boolean tryTake(Instant now) {
        if (now.isAfter(last)) {
            double elapsed = Duration.between(last, now).toNanos() / 1_000_000_000.0;
            tokens = Math.min(capacity, tokens + elapsed * refillPerSecond);
            last = now;
        }
        if (tokens >= 1.0 - 1e-9) { // tolerate rounding of the refill rate (1/6 token per second)
            tokens = Math.max(0, tokens - 1.0);
            return true;
        }
        return false;
    }
}
