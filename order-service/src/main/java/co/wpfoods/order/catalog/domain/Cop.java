package co.wpfoods.order.catalog.domain;

/** An amount of Colombian pesos. COP has no cents in practice, so it is a whole number. */
public record Cop(long value) {

    public Cop {
        if (value < 0) {
            throw new InvalidCatalogException("a price must not be negative: " + value);
        }
    }

    public static Cop of(long value) {
        return new Cop(value);
    }

    public boolean isZero() {
        return value == 0;
    }
}
