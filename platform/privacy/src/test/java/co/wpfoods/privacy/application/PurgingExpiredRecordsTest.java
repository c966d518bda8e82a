package co.wpfoods.privacy.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PurgingExpiredRecordsTest {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Duration NINETY_DAYS = Duration.ofDays(90);

    @Test
    void a_backlog_of_two_and_a_half_batches_goes_in_three_calls_with_one_cut_off() {
        // given 2,500 records 91 days old and 10 records 89 days old
        var records = new InMemoryExpiredRecords()
                .with(2_500, NOW.minus(Duration.ofDays(91)))
                .with(10, NOW.minus(Duration.ofDays(89)));

        // when the retention job runs
        int purged = new PurgingExpiredRecords(records, NINETY_DAYS, CLOCK).purge();

        // then the old ones went, 1,000 at a time until a batch came back short, all cut at now - 90 days
        assertThat(purged).isEqualTo(2_500);
        assertThat(records.records).hasSize(10);
        assertThat(records.calls)
                .extracting(InMemoryExpiredRecords.Call::deleted)
                .containsExactly(1_000, 1_000, 500);
        assertThat(records.calls)
                .allSatisfy(call -> assertThat(call.before()).isEqualTo(NOW.minus(NINETY_DAYS)))
                .allSatisfy(call -> assertThat(call.batch()).isEqualTo(PurgingExpiredRecords.BATCH));
    }

    @Test
    void a_backlog_of_exactly_one_batch_asks_once_more_and_stops_on_the_empty_answer() {
        var records = new InMemoryExpiredRecords().with(1_000, NOW.minus(Duration.ofDays(100)));

        int purged = new PurgingExpiredRecords(records, NINETY_DAYS, CLOCK).purge();

        assertThat(purged).isEqualTo(1_000);
        assertThat(records.calls)
                .extracting(InMemoryExpiredRecords.Call::deleted)
                .containsExactly(1_000, 0);
    }

    @Test
    void nothing_past_the_period_is_one_call_that_deletes_nothing() {
        var records = new InMemoryExpiredRecords().with(5, NOW.minus(Duration.ofDays(1)));

        int purged = new PurgingExpiredRecords(records, NINETY_DAYS, CLOCK).purge();

        assertThat(purged).isZero();
        assertThat(records.records).hasSize(5);
        assertThat(records.calls).hasSize(1);
    }

    @Test
    void a_retention_period_of_zero_or_less_is_refused() {
        var records = new InMemoryExpiredRecords();

        assertThatThrownBy(() -> new PurgingExpiredRecords(records, Duration.ZERO, CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> new PurgingExpiredRecords(records, Duration.ofDays(-1), CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
