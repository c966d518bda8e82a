package co.wpfoods.payment.payment.domain;

/**
 * COP at Stripe's edge. Stripe treats COP as a two-decimal currency: 35,000 COP is {@code 3500000} centavos. This is
 * the only place pesos become minor units and back.
 */
public final class StripeAmounts {

    /** Cards take at most 12 digits in minor units. */
    public static final long MAX_CARD_MINOR = 999_999_999_999L;

    private StripeAmounts() {}

    public static long toMinor(Cop amount) {
        long minor = Math.multiplyExact(amount.value(), 100L);
        if (minor > MAX_CARD_MINOR) {
            throw new InvalidPaymentException(
                    "" + amount.value() + " COP is over Stripe's card maximum of 12 digits in centavos");
        }
        return minor;
    }

    /** Whole pesos of a minor-unit amount (our amounts are always whole pesos; centavos are dropped). */
    public static Cop fromMinor(long minor) {
        return Cop.of(minor / 100L);
    }
}
