package co.wpfoods.webhook.receiving.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InboundLimitsTest {

    final InboundLimits limits = InboundLimits.productDefaults();

    @Test
    void the_sixty_first_message_of_a_minute_is_over_the_limit() {
        var verdict = limits.judge(Map.of(LimitPeriod.MINUTE, 61L, LimitPeriod.HOUR, 61L, LimitPeriod.DAY, 61L), 2);

        assertThat(verdict.isOver(0)).isFalse();
        assertThat(verdict.isOver(1)).isTrue();
        assertThat(verdict.exceeded()).containsEntry(LimitPeriod.MINUTE, true).containsEntry(LimitPeriod.HOUR, false);
    }

    @Test
    void the_hour_and_day_limits_apply_even_when_each_minute_is_quiet() {
        var hour = limits.judge(Map.of(LimitPeriod.MINUTE, 1L, LimitPeriod.HOUR, 301L, LimitPeriod.DAY, 301L), 1);
        var day = limits.judge(Map.of(LimitPeriod.MINUTE, 1L, LimitPeriod.HOUR, 1L, LimitPeriod.DAY, 1_001L), 1);

        assertThat(hour.isOver(0)).isTrue();
        assertThat(hour.exceeded()).containsEntry(LimitPeriod.HOUR, true);
        assertThat(day.isOver(0)).isTrue();
        assertThat(day.exceeded()).containsEntry(LimitPeriod.DAY, true);
    }

    @Test
    void a_sender_within_every_limit_is_not_flagged() {
        var verdict = limits.judge(Map.of(LimitPeriod.MINUTE, 60L, LimitPeriod.HOUR, 300L, LimitPeriod.DAY, 1_000L), 3);

        assertThat(verdict.anyOver()).isFalse();
    }

    @Test
    void windows_are_aligned_fixed_periods() {
        Instant at = Instant.parse("2026-11-26T10:41:57.123Z");

        assertThat(LimitPeriod.MINUTE.windowStart(at)).isEqualTo(Instant.parse("2026-11-26T10:41:00Z"));
        assertThat(LimitPeriod.HOUR.windowStart(at)).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
        assertThat(LimitPeriod.DAY.windowStart(at)).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
    }

    @Test
    void the_same_event_always_gets_the_same_event_id() {
        assertThat(DedupKey.ofMessage("wamid.A").eventId())
                .isEqualTo(DedupKey.ofMessage("wamid.A").eventId());
        assertThat(DedupKey.ofStatus("wamid.A", "read").eventId())
                .isNotEqualTo(DedupKey.ofStatus("wamid.A", "delivered").eventId());
        assertThat(new SenderIdentity("+573001234567", null).key()).isEqualTo("573001234567");
        assertThat(new SenderIdentity("", "user.1").key()).isEqualTo("user.1");
    }
}
