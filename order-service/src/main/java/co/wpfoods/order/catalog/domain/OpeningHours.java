package co.wpfoods.order.catalog.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a restaurant takes orders, per weekday in Bogotá time. A day may have several windows (lunch and dinner); a
 * window closes on the day it opens ({@code closes} after {@code opens}, {@code 23:59} at the latest). No windows at
 * all means "always open" (a restaurant that has not said yet keeps selling, as before opening hours existed).
 */
public record OpeningHours(List<Window> windows) {

    public static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    public static final OpeningHours ALWAYS = new OpeningHours(List.of());

    public OpeningHours {
        windows = windows == null
                ? List.of()
                : windows.stream()
                        .sorted(Comparator.comparing(Window::day).thenComparing(Window::opens))
                        .toList();
    }

    public record Window(DayOfWeek day, LocalTime opens, LocalTime closes) {
        public Window {
            Objects.requireNonNull(day, "day");
            if (opens == null || closes == null || !closes.isAfter(opens)) {
                throw new InvalidCatalogException("an opening window needs opens before closes on " + day);
            }
        }

        boolean contains(DayOfWeek day, LocalTime time) {
            return this.day == day && !time.isBefore(opens) && time.isBefore(closes);
        }
    }

    public boolean isAlways() {
        return windows.isEmpty();
    }

    public boolean isOpenAt(Instant instant) {
        if (windows.isEmpty()) {
            return true;
        }
        ZonedDateTime local = instant.atZone(BOGOTA);
        return windows.stream().anyMatch(w -> w.contains(local.getDayOfWeek(), local.toLocalTime()));
    }

    /** The next moment it opens after {@code instant} (Bogotá time), within a week; empty when always open. */
    public Optional<ZonedDateTime> nextOpening(Instant instant) {
        if (windows.isEmpty()) {
            return Optional.empty();
        }
        ZonedDateTime local = instant.atZone(BOGOTA);
        for (int days = 0; days <= 7; days++) {
            ZonedDateTime day = local.plusDays(days);
            for (Window w : windows) {
                if (w.day() == day.getDayOfWeek()) {
                    ZonedDateTime opening = day.with(w.opens());
                    if (opening.isAfter(local)) {
                        return Optional.of(opening);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
