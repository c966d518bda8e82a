package co.wpfoods.payment.payment.domain;

/** One line of the order as the receipt shows it. */
public record OrderLine(String name, int quantity, long unitPriceCop) {

    public long totalCop() {
        return Math.multiplyExact(unitPriceCop, (long) quantity);
    }
}
