package co.wpfoods.messaging.sending.application;

import java.time.Duration;

/** The business number's send budget, shared by every replica. */
public interface ThroughputLimiter {

    /**
     * Reserves up to {@code wanted} send slots without waiting. Slot {@code i} (0-based) may be used at
     * {@code firstSlotAt + i × spacing} ({@link System#nanoTime()} scale), never earlier.
     */
    Grant tryAcquire(int wanted);

    /**
     * @param firstSlotAt when the first granted slot starts, on the {@link System#nanoTime()} scale
     * @param spacing time between consecutive slots
     * @param available slots that could be granted right now (for the metric)
     * @param waitForNext when nothing was granted: how long until a slot can be reserved
     */
    record Grant(int granted, long firstSlotAt, Duration spacing, double available, Duration waitForNext) {}
}
