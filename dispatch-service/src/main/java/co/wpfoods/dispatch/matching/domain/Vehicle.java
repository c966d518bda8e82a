package co.wpfoods.dispatch.matching.domain;

/**
 * How a rapitendero moves: the speed used for arrival estimates and the farthest pickup they are offered (a bicycle is
 * not sent across the city).
 */
public enum Vehicle {
    MOTORCYCLE(25, 8_000),
    CAR(20, 8_000),
    BICYCLE(14, 4_000),
    ON_FOOT(5, 1_500);

    private final double kmPerHour;
    private final int maxPickupMeters;

    Vehicle(double kmPerHour, int maxPickupMeters) {
        this.kmPerHour = kmPerHour;
        this.maxPickupMeters = maxPickupMeters;
    }

    public double metersPerSecond() {
        return kmPerHour / 3.6;
    }

    public int maxPickupMeters() {
        return maxPickupMeters;
    }

    /** The vehicle named in a registration or a stored row; motorcycle when absent. */
    public static Vehicle parse(String name) {
        if (name == null || name.isBlank()) {
            return MOTORCYCLE;
        }
        try {
            return valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("vehicle must be one of MOTORCYCLE, CAR, BICYCLE, ON_FOOT: " + name);
        }
    }
}
