package co.wpfoods.messaging.application;

import java.time.Duration;

/** The business number's send budget, shared by every replica. */
public interface ThroughputLimiter {

    /**
     * Reserves up to {@code wanted} send slots without waiting. Slot {@code i} (0-based) may be used
     * {@code firstSlotIn + i × spacing} from now, never earlier.
     */
    Grant tryAcquire(int wanted);

    /**
     * @param firstSlotIn when the first granted slot starts, from now
     * @param spacing time between consecutive slots (1 / rate)
     * @param available slots that could be granted right now (for the metric)
     * @param waitForNext when nothing was granted: how long until a slot can be reserved
     */
    record Grant(int granted, Duration firstSlotIn, Duration spacing, double available, Duration waitForNext) {}
}
