package co.wpfoods.order.catalog.domain;

/**
 * A change to a price in whole COP, which may be negative: a smaller size costs less than the item's base price. A
 * line's price is clamped at zero (see {@code co.wpfoods.order.ordering.domain.LinePrice}).
 */
public record CopDelta(long value) {

    public static final CopDelta ZERO = new CopDelta(0);

    public static CopDelta of(long value) {
        return new CopDelta(value);
    }
}
