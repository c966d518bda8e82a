package co.wpfoods.dispatch.delivery.application;

import co.wpfoods.dispatch.delivery.application.EarningsBook.EarningRow;
import co.wpfoods.dispatch.delivery.domain.WorkerProfile;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Earnings today and this week (local days, weeks from Monday), for the worker's chat and for ops. */
@Service
public class ReadingEarnings {

    private final EarningsBook earningsBook;
    private final WorkerMessages messages;
    private final DispatchClock clock;
    private final ZoneId zone;

    ReadingEarnings(
            EarningsBook earningsBook, WorkerMessages messages, DispatchSettings settings, DispatchClock clock) {
        this.earningsBook = earningsBook;
        this.messages = messages;
        this.clock = clock;
        this.zone = settings.earnings().timeZone();
    }

    public record Period(Instant from, Instant to, long totalCop, int deliveries, List<EarningRow> earnings) {}

    public Period today(String workerId) {
        LocalDate day = LocalDate.ofInstant(clock.now(), zone);
        return period(workerId, day, day.plusDays(1));
    }

    public Period thisWeek(String workerId) {
        LocalDate monday =
                LocalDate.ofInstant(clock.now(), zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return period(workerId, monday, monday.plusWeeks(1));
    }

    public Period between(String workerId, LocalDate from, LocalDate toExclusive) {
        return period(workerId, from, toExclusive);
    }

    @Transactional
    public void tell(WorkerProfile worker) {
        Period today = today(worker.workerId());
        Period week = thisWeek(worker.workerId());
        messages.say(
                worker,
                "worker:" + worker.workerId(),
                "earnings",
                messages.money(worker, today.totalCop()),
                today.deliveries(),
                messages.money(worker, week.totalCop()),
                week.deliveries());
    }

    private Period period(String workerId, LocalDate from, LocalDate toExclusive) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = toExclusive.atStartOfDay(zone).toInstant();
        List<EarningRow> rows = earningsBook.earnings(workerId, start, end);
        long total = rows.stream().mapToLong(EarningRow::totalCop).sum();
        return new Period(start, end, total, rows.size(), rows);
    }
}
