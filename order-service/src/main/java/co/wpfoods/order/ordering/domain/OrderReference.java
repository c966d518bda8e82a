package co.wpfoods.order.ordering.domain;

import java.util.regex.Pattern;

/**
 * The order number a person reads aloud ("el pedido 1042"): digits only, from a database sequence, so it is unique,
 * short while the platform is young and never ambiguous on the phone (no letters to spell).
 */
public record OrderReference(String value) {

    private static final Pattern DIGITS = Pattern.compile("\\d{4,12}");

    public OrderReference {
        if (value == null || !DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("an order reference is 4 to 12 digits: " + value);
        }
    }

    public static OrderReference of(long sequence) {
        return new OrderReference(Long.toString(sequence));
    }

    @Override
    public String toString() {
        return value;
    }
}
