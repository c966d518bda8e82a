package co.wpfoods.messaging.application;

import java.time.Duration;

/** The business number's send budget, shared by every replica. */
public interface ThroughputLimiter {

    /** Takes up to {@code wanted} tokens now, never waiting. */
    Grant tryAcquire(int wanted);

    /** @param waitForNext how long until at least one more token is there */
    record Grant(int granted, double available, Duration waitForNext) {}
}
