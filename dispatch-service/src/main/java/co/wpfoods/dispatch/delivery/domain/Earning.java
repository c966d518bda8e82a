package co.wpfoods.dispatch.delivery.domain;

/** What one delivery pays the worker, in whole COP: base + distance + bonus (peak, rain) + gas. */
public record Earning(long baseCop, long distanceCop, long bonusCop, long gasCop) {

    public Earning {
        if (baseCop < 0 || distanceCop < 0 || bonusCop < 0 || gasCop < 0) {
            throw new IllegalArgumentException("an earning's parts are never negative");
        }
    }

    public long totalCop() {
        return Math.addExact(Math.addExact(baseCop, distanceCop), Math.addExact(bonusCop, gasCop));
    }
}
