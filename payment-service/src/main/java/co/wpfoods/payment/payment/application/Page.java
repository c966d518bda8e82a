package co.wpfoods.payment.payment.application;

import co.wpfoods.payment.payment.domain.InvalidPaymentException;
import java.util.List;
import java.util.function.Function;

/** One page of results. */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** The most items a page may hold: every list is bounded. */
    public static final int MAX_SIZE = 100;

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }

    /** Refuses a page number below 0 or a size outside 1..{@link #MAX_SIZE}. */
    public static void check(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new InvalidPaymentException("page must be ≥ 0 and size between 1 and " + MAX_SIZE);
        }
    }
}
