package co.wpfoods.order.catalog.domain;

/** Great-circle distance on a sphere of the Earth's mean radius; good to a few metres within a city. */
public final class GeoDistance {

    private static final double EARTH_RADIUS_METERS = 6_371_008.8;

    private GeoDistance() {}

    public static double meters(GeoLocation a, GeoLocation b) {
        double lat1 = Math.toRadians(a.latitude());
        double lat2 = Math.toRadians(b.latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Degrees of latitude / longitude around {@code center} that hold every point within {@code meters}. */
    public static double[] boundingBox(GeoLocation center, double meters) {
        double dLat = Math.toDegrees(meters / EARTH_RADIUS_METERS);
        double dLon = Math.toDegrees(meters / (EARTH_RADIUS_METERS * Math.cos(Math.toRadians(center.latitude()))));
        return new double[] {
            center.latitude() - dLat, center.latitude() + dLat, center.longitude() - dLon, center.longitude() + dLon
        };
    }
}
