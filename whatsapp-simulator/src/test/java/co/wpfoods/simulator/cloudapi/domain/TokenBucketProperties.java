package co.wpfoods.simulator.cloudapi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class TokenBucketProperties {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    @Property(tries = 200)
    void a_burst_takes_exactly_the_capacity(@ForAll @IntRange(min = 1, max = 200) int capacity) {
        TokenBucket bucket = new TokenBucket(capacity, 1, T0);

        int taken = 0;
        while (bucket.tryTake(T0)) {
            taken++;
        }

        assertThat(taken).isEqualTo(capacity);
    }

    @Property(tries = 200)
    void never_grants_more_than_burst_plus_refill(
            @ForAll @IntRange(min = 1, max = 60) int burst,
            @ForAll @IntRange(min = 1, max = 10) int intervalSeconds,
            @ForAll @IntRange(min = 0, max = 600) int elapsedSeconds) {
        TokenBucket bucket = TokenBucket.perInterval(burst, Duration.ofSeconds(intervalSeconds), T0);
        int granted = 0;
        for (int second = 0; second <= elapsedSeconds; second++) {
            while (bucket.tryTake(T0.plusSeconds(second))) {
                granted++;
            }
        }

        assertThat(granted).isLessThanOrEqualTo(burst + elapsedSeconds / intervalSeconds);
        assertThat(granted).isGreaterThanOrEqualTo(burst + elapsedSeconds / intervalSeconds - 1);
    }

    @Property(tries = 50)
    void pair_limit_after_a_burst_of_45_allows_one_message_per_six_seconds(
            @ForAll @IntRange(min = 0, max = 5) int secondsAfterBurst) {
        TokenBucket pair = TokenBucket.perInterval(45, Duration.ofSeconds(6), T0);
        for (int i = 0; i < 45; i++) {
            assertThat(pair.tryTake(T0)).isTrue();
        }

        assertThat(pair.tryTake(T0.plusSeconds(secondsAfterBurst))).isFalse();
        assertThat(pair.tryTake(T0.plusSeconds(6))).isTrue();
    }
}
