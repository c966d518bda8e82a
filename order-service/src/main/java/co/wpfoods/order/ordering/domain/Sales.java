package co.wpfoods.order.ordering.domain;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A restaurant's sales over a period: the orders it accepted and did not lose to a cancellation (confirmed up to
 * delivered), their food total in whole COP (subtotals, IVA included, without the delivery fee, which is not the
 * restaurant's), and the items sold most, by units.
 */
public record Sales(int orders, long totalCop, List<TopItem> topItems) {

    public record TopItem(String name, int units) {}

    public static Sales of(List<Order> orders, int top) {
        var counted = orders.stream().filter(Sales::counts).toList();
        long total =
                counted.stream().mapToLong(o -> o.totals().subtotal().value()).sum();
        Map<String, Integer> units = new LinkedHashMap<>();
        counted.forEach(o -> o.lines().forEach(l -> units.merge(l.name(), l.quantity(), Integer::sum)));
        var best = units.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .map(e -> new TopItem(e.getKey(), e.getValue()))
                .toList();
        return new Sales(counted.size(), total, best);
    }

    static boolean counts(Order order) {
        return switch (order.status()) {
            case CONFIRMED, PREPARING, READY, PICKED_UP, DELIVERED -> true;
            case AWAITING_PAYMENT, PENDING, CANCELLED -> false;
        };
    }
}
