package co.wpfoods.order.ordering.domain;

/** How many orders one customer may place (product document: 10 per hour, 50 per day). */
public record OrderLimits(int perHour, int perDay) {

    public static final OrderLimits PRODUCT = new OrderLimits(10, 50);

    public enum Verdict {
        ALLOWED,
        HOURLY_LIMIT,
        DAILY_LIMIT
    }

    public Verdict check(long placedLastHour, long placedLastDay) {
        if (placedLastHour >= perHour) {
            return Verdict.HOURLY_LIMIT;
        }
        if (placedLastDay >= perDay) {
            return Verdict.DAILY_LIMIT;
        }
        return Verdict.ALLOWED;
    }
}
