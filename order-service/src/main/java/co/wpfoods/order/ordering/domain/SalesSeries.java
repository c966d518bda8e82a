package co.wpfoods.order.ordering.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A restaurant's sales over a period split into equal slices (the hours of a day, the days of a week), for a chart:
 * each slice's counted orders and food total, in order, empty slices included. An order falls in the slice of the time
 * it was placed; it counts as {@link Sales} counts (accepted and not lost to a cancellation).
 */
public record SalesSeries(List<Slice> slices) {

    public record Slice(int index, int orders, long totalCop) {}

    public SalesSeries {
        slices = List.copyOf(slices);
    }

    /** The hours {@code firstHour}…{@code lastHour} (0–23) of {@code day} in {@code zone}. */
    public static SalesSeries byHour(List<Order> orders, LocalDate day, int firstHour, int lastHour, ZoneId zone) {
        if (firstHour < 0 || lastHour > 23 || firstHour > lastHour) {
            throw new IllegalArgumentException("hours " + firstHour + "…" + lastHour);
        }
        var slices = new long[lastHour - firstHour + 1];
        var counts = new int[slices.length];
        for (Order order : counted(orders)) {
            var at = order.placedAt().atZone(zone);
            int slot = at.getHour() - firstHour;
            if (at.toLocalDate().equals(day) && slot >= 0 && slot < slices.length) {
                slices[slot] += order.totals().subtotal().value();
                counts[slot]++;
            }
        }
        return of(firstHour, slices, counts);
    }

    /** The days {@code from}…{@code to} (inclusive) in {@code zone}. */
    public static SalesSeries byDay(List<Order> orders, LocalDate from, LocalDate to, ZoneId zone) {
        if (to.isBefore(from) || from.plusDays(31).isBefore(to)) {
            throw new IllegalArgumentException("days " + from + "…" + to);
        }
        int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        var slices = new long[days];
        var counts = new int[days];
        for (Order order : counted(orders)) {
            Instant placed = order.placedAt();
            int slot = (int) (placed.atZone(zone).toLocalDate().toEpochDay() - from.toEpochDay());
            if (slot >= 0 && slot < days) {
                slices[slot] += order.totals().subtotal().value();
                counts[slot]++;
            }
        }
        return of(0, slices, counts);
    }

    public long maxTotalCop() {
        return slices.stream().mapToLong(Slice::totalCop).max().orElse(0);
    }

    private static List<Order> counted(List<Order> orders) {
        return orders.stream().filter(Sales::counts).toList();
    }

    private static SalesSeries of(int first, long[] totals, int[] counts) {
        var slices = new ArrayList<Slice>(totals.length);
        for (int i = 0; i < totals.length; i++) {
            slices.add(new Slice(first + i, counts[i], totals[i]));
        }
        return new SalesSeries(slices);
    }
}
