package co.wpfoods.payment.payment.domain;

/** An amount of Colombian pesos, whole (COP has no cents in practice). Never negative. */
public record Cop(long value) implements Comparable<Cop> {

    public static final Cop ZERO = new Cop(0);

    public Cop {
        if (value < 0) {
            throw new InvalidPaymentException("an amount must not be negative: " + value);
        }
    }

    public static Cop of(long value) {
        return new Cop(value);
    }

    public Cop plus(Cop other) {
        return new Cop(Math.addExact(value, other.value));
    }

    public Cop minus(Cop other) {
        return new Cop(Math.subtractExact(value, other.value));
    }

    public boolean isZero() {
        return value == 0;
    }

    public boolean exceeds(Cop other) {
        return value > other.value;
    }

    @Override
    public int compareTo(Cop other) {
        return Long.compare(value, other.value);
    }
}
