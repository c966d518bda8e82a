package co.wpfoods.dispatch.delivery.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * How a delivery is paid: a base, a rate per kilometre from the restaurant to the customer, a gas allowance per
 * kilometre, a bonus in the peak windows (local time) and a bonus while it rains in the zone. Whole COP, rounded half up
 * per part; every part is configuration.
 */
public record EarningsPolicy(
        long baseCop,
        long perKmCop,
        long gasPerKmCop,
        long peakBonusCop,
        long rainBonusCop,
        List<PeakWindow> peaks,
        ZoneId timeZone) {

    public EarningsPolicy {
        if (baseCop < 0 || perKmCop < 0 || gasPerKmCop < 0 || peakBonusCop < 0 || rainBonusCop < 0) {
            throw new IllegalArgumentException("earnings settings must not be negative");
        }
        peaks = List.copyOf(peaks);
    }

    /** A daily window [from, to) in local time. */
    public record PeakWindow(LocalTime from, LocalTime to) {

        /** "11:30-14:00". */
        public static PeakWindow parse(String text) {
            String[] parts = text.strip().split("-");
            if (parts.length != 2) {
                throw new IllegalArgumentException("a peak window is HH:MM-HH:MM: " + text);
            }
            return new PeakWindow(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
        }

        boolean contains(LocalTime time) {
            return !time.isBefore(from) && time.isBefore(to);
        }
    }

    public Earning quote(int distanceMeters, Instant at, boolean raining) {
        if (distanceMeters < 0) {
            throw new IllegalArgumentException("distance must not be negative: " + distanceMeters);
        }
        LocalTime local = at.atZone(timeZone).toLocalTime();
        boolean peak = peaks.stream().anyMatch(window -> window.contains(local));
        long bonus = (peak ? peakBonusCop : 0) + (raining ? rainBonusCop : 0);
        return new Earning(baseCop, perKm(perKmCop, distanceMeters), bonus, perKm(gasPerKmCop, distanceMeters));
    }

    private static long perKm(long copPerKm, int meters) {
        // whole pesos, half up, in integer arithmetic
        return (copPerKm * meters + 500) / 1000;
    }
}
