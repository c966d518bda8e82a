package co.wpfoods.messaging.sending.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Meta's pair rate limit for one recipient as a token bucket (reference §6.4): {@code capacity} messages in a burst
 * (45), refilled at one token per {@code refillPeriod} (6 s). Sending a burst borrows from the future exactly as Meta
 * describes: afterwards the next token comes only at the sustained rate.
 */
public record PairBucket(double tokens, Instant updatedAt) {

    public static PairBucket full(int capacity, Instant now) {
        return new PairBucket(capacity, now);
    }

    public PairBucket refilled(Instant now, int capacity, Duration refillPeriod) {
        if (!now.isAfter(updatedAt)) {
            return this;
        }
        double gained = (double) Duration.between(updatedAt, now).toNanos() / refillPeriod.toNanos();
        return new PairBucket(Math.min(capacity, tokens + gained), now);
    }

    /** The bucket after one message was sent at {@code now}. */
    public PairBucket take(Instant now, int capacity, Duration refillPeriod) {
        PairBucket current = refilled(now, capacity, refillPeriod);
        return new PairBucket(current.tokens - 1, now);
    }

    /** Emptied, e.g. after Meta answered 131056: Meta's view of the pair is fuller than ours. */
    public PairBucket emptied(Instant now) {
        return new PairBucket(0, now);
    }

    /** When the next message may go: now if a whole token is there, else when it will be. */
    public Instant nextSendAt(Instant now, int capacity, Duration refillPeriod) {
        PairBucket current = refilled(now, capacity, refillPeriod);
        if (current.tokens >= 1) {
            return now;
        }
        long waitNanos = (long) Math.ceil((1 - current.tokens) * refillPeriod.toNanos());
        return now.plusNanos(waitNanos);
    }
}
