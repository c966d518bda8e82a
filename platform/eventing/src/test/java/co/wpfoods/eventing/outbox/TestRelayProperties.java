package co.wpfoods.eventing.outbox;

import java.time.Duration;

/** Relay settings for tests that build an {@link OutboxRelay} by hand: small batches, quick flushes and retries. */
final class TestRelayProperties {

    private TestRelayProperties() {}

    static OutboxRelayProperties quick(String name, boolean dropSlotOnStop) {
        return new OutboxRelayProperties(
                true,
                name,
                Duration.ofMillis(10),
                256,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                Duration.ofMillis(100),
                Duration.ofHours(1),
                900_000,
                5,
                dropSlotOnStop);
    }
}
