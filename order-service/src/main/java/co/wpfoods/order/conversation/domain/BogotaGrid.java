package co.wpfoods.order.conversation.domain;

import co.wpfoods.order.catalog.domain.GeoLocation;
import java.util.Locale;
import java.util.Optional;

/**
 * Places a typed Bogotá address ("Calle 85 # 11-53", "Cra 7 con 72") on the map without a geocoding service, from the
 * city's grid: calles run east–west and their number grows northwards, carreras run north–south and their number grows
 * westwards. Accurate to a few hundred metres in the central grid (Chapinero, Teusaquillo, Usaquén), which is enough to
 * decide which restaurants deliver there; the customer is always shown the result and asked to confirm or to share
 * their location instead. "Sur" / "Este" addresses and diagonals/transversals outside the grid are not placed.
 */
public final class BogotaGrid {

    // fitted on known corners: Calle 26 ≈ 4.6160, Calle 100 ≈ 4.6860; Carrera 7 ≈ -74.0590, Carrera 30 ≈ -74.0790
    private static final double LAT_AT_CALLE_0 = 4.5914;
    private static final double LAT_PER_CALLE = 0.000946;
    private static final double LON_AT_CARRERA_0 = -74.0529;
    private static final double LON_PER_CARRERA = -0.000870;

    private BogotaGrid() {}

    public static Optional<GeoLocation> place(String viaType, String viaNumber, String crossNumber) {
        Integer via = number(viaNumber);
        Integer cross = number(crossNumber);
        if (via == null || cross == null || viaType == null) {
            return Optional.empty();
        }
        String type = viaType.toLowerCase(Locale.ROOT);
        boolean calle = type.startsWith("cal") || type.equals("cl") || type.startsWith("ac") || type.equals("av calle");
        boolean carrera =
                type.startsWith("car") || type.startsWith("cr") || type.startsWith("kr") || type.startsWith("ak");
        if (calle) {
            return inCity(cross, via);
        }
        if (carrera) {
            return inCity(via, cross);
        }
        return Optional.empty();
    }

    private static Optional<GeoLocation> inCity(int carrera, int calle) {
        if (carrera < 1 || carrera > 120 || calle < 1 || calle > 200) {
            return Optional.empty();
        }
        return Optional.of(
                new GeoLocation(LAT_AT_CALLE_0 + calle * LAT_PER_CALLE, LON_AT_CARRERA_0 + carrera * LON_PER_CARRERA));
    }

    private static Integer number(String text) {
        if (text == null) {
            return null;
        }
        String digits = text.replaceAll("^\\D*(\\d+).*$", "$1");
        return digits.matches("\\d{1,3}") ? Integer.valueOf(digits) : null;
    }
}
