package co.wpfoods.ai.recommendation.domain;

/** Geohash cells (base32), used as the "zone" of a delivery point; precision 5 is a cell of about 5 × 5 km. */
public final class Geohash {

    private static final String BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz";

    private Geohash() {}

    public static String encode(double latitude, double longitude, int precision) {
        double[] lat = {-90, 90};
        double[] lon = {-180, 180};
        StringBuilder out = new StringBuilder(precision);
        boolean even = true;
        int bit = 0;
        int ch = 0;
        while (out.length() < precision) {
            double[] range = even ? lon : lat;
            double value = even ? longitude : latitude;
            double mid = (range[0] + range[1]) / 2;
            if (value >= mid) {
                ch = (ch << 1) | 1;
                range[0] = mid;
            } else {
                ch = ch << 1;
                range[1] = mid;
            }
            even = !even;
            if (++bit == 5) {
                out.append(BASE32.charAt(ch));
                bit = 0;
                ch = 0;
            }
        }
        return out.toString();
    }
}
