package co.wpfoods.gateway.edge.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {

    private final ManualClock clock = new ManualClock();
    private final ClientRateLimiter limiter = new ClientRateLimiter(10, 100, 1_000, clock);

    @Test
    void lets_ten_requests_a_second_through_then_refuses_with_a_retry_after() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire("203.0.113.7").allowed()).isTrue();
        }

        RateDecision eleventh = limiter.tryAcquire("203.0.113.7");

        assertThat(eleventh.allowed()).isFalse();
        assertThat(eleventh.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(100));
        assertThat(eleventh.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void refills_the_per_second_allowance_as_time_passes() {
        drain("203.0.113.7", 10);

        clock.advance(Duration.ofSeconds(1));

        assertThat(limiter.tryAcquire("203.0.113.7").allowed()).isTrue();
    }

    @Test
    void caps_a_client_at_one_hundred_requests_a_minute() {
        int allowed = 0;
        for (int second = 0; second < 20; second++) {
            if (second > 0) {
                clock.advance(Duration.ofSeconds(1));
            }
            for (int i = 0; i < 10; i++) {
                if (limiter.tryAcquire("203.0.113.7").allowed()) {
                    allowed++;
                }
            }
        }

        // 100 from the full bucket plus what 19 s of refill at 100/min gave back (about 32).
        assertThat(allowed).isBetween(100, 135);
        RateDecision refused = limiter.tryAcquire("203.0.113.7");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L);
    }

    @Test
    void keeps_clients_apart() {
        drain("203.0.113.7", 10);

        assertThat(limiter.tryAcquire("203.0.113.7").allowed()).isFalse();
        assertThat(limiter.tryAcquire("198.51.100.9").allowed()).isTrue();
    }

    private void drain(String client, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(limiter.tryAcquire(client).allowed()).isTrue();
        }
    }

    private static final class ManualClock implements TimeMeter {
        private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

        void advance(Duration duration) {
            nanos.addAndGet(duration.toNanos());
        }

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
