package co.wpfoods.messaging.sending.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PairBucketTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final Duration SIX_SECONDS = Duration.ofSeconds(6);

    @Test
    void allows_a_burst_of_45_then_one_message_every_6_seconds() {
        PairBucket bucket = PairBucket.full(45, T0);
        for (int i = 0; i < 45; i++) {
            assertThat(bucket.nextSendAt(T0, 45, SIX_SECONDS)).isEqualTo(T0);
            bucket = bucket.take(T0, 45, SIX_SECONDS);
        }

        assertThat(bucket.nextSendAt(T0, 45, SIX_SECONDS)).isEqualTo(T0.plusSeconds(6));
        bucket = bucket.take(T0.plusSeconds(6), 45, SIX_SECONDS);
        assertThat(bucket.nextSendAt(T0.plusSeconds(6), 45, SIX_SECONDS)).isEqualTo(T0.plusSeconds(12));
    }

    @Test
    void a_burst_of_20_must_be_paid_back_at_the_sustained_rate() {
        PairBucket bucket = PairBucket.full(20, T0);
        for (int i = 0; i < 20; i++) {
            bucket = bucket.take(T0, 20, SIX_SECONDS);
        }

        // refilling 20 tokens takes 2 minutes, as Meta describes (burst of 20 → ~2 min wait)
        assertThat(bucket.refilled(T0.plus(Duration.ofMinutes(2)), 20, SIX_SECONDS)
                        .tokens())
                .isEqualTo(20.0);
        assertThat(bucket.refilled(T0.plus(Duration.ofMinutes(1)), 20, SIX_SECONDS)
                        .tokens())
                .isEqualTo(10.0);
    }

    @Test
    void an_emptied_bucket_waits_a_full_period() {
        PairBucket bucket = PairBucket.full(45, T0).emptied(T0);

        assertThat(bucket.nextSendAt(T0.plusSeconds(3), 45, SIX_SECONDS)).isEqualTo(T0.plusSeconds(6));
    }
}
