package co.wpfoods.privacy.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class PurgingExpiredRecordsProperties {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Property(tries = 200)
    void whatever_the_backlog_every_record_past_the_period_goes_and_none_younger(
            @ForAll @IntRange(min = 0, max = 4_500) int old,
            @ForAll @IntRange(min = 0, max = 50) int young,
            @ForAll @IntRange(min = 1, max = 400) int retentionDays) {
        // given old records a day past the period and young ones a day inside it
        Duration retention = Duration.ofDays(retentionDays);
        var records = new InMemoryExpiredRecords()
                .with(old, NOW.minus(retention).minus(Duration.ofDays(1)))
                .with(young, NOW.minus(retention).plus(Duration.ofDays(1)));

        // when the retention job runs
        int purged = new PurgingExpiredRecords(records, retention, Clock.fixed(NOW, ZoneOffset.UTC)).purge();

        // then exactly the old ones went, in full batches and one short one (never a batch larger than BATCH)
        assertThat(purged).isEqualTo(old);
        assertThat(records.records).hasSize(young);
        assertThat(records.olderThan(NOW.minus(retention))).isZero();
        assertThat(records.calls).hasSize(old / PurgingExpiredRecords.BATCH + 1);
        assertThat(records.calls)
                .allSatisfy(call -> assertThat(call.deleted()).isLessThanOrEqualTo(PurgingExpiredRecords.BATCH));
    }
}
