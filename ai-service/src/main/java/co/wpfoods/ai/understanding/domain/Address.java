package co.wpfoods.ai.understanding.domain;

import java.util.Locale;

/**
 * A Colombian urban address in the grid nomenclature: {@code Calle 85 # 11-53 apto 301}, or an
 * intersection ({@code Cra 7 con 72}). {@code viaType} is null when the person left it implicit
 * ("la 85 con 11"); {@code plate} is null for intersections.
 */
public record Address(
        ViaType viaType,
        String viaNumber,
        String crossNumber,
        String plate,
        String zone,
        String complement,
        String raw) {

    public enum ViaType {
        CALLE("Calle"),
        CARRERA("Carrera"),
        AVENIDA_CALLE("Avenida Calle"),
        AVENIDA_CARRERA("Avenida Carrera"),
        TRANSVERSAL("Transversal"),
        DIAGONAL("Diagonal"),
        AVENIDA("Avenida"),
        CIRCULAR("Circular");

        private final String label;

        ViaType(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean isIntersection() {
        return plate == null;
    }

    /** Canonical form, e.g. {@code Calle 85 # 11-53 Sur, apto 301} or {@code Carrera 7 con 72}. */
    public String normalized() {
        StringBuilder sb = new StringBuilder();
        if (viaType != null) {
            sb.append(viaType.label()).append(' ');
        }
        sb.append(viaNumber.toUpperCase(Locale.ROOT));
        if (plate == null) {
            sb.append(" con ").append(crossNumber.toUpperCase(Locale.ROOT));
        } else {
            sb.append(" # ")
                    .append(crossNumber.toUpperCase(Locale.ROOT))
                    .append('-')
                    .append(plate);
        }
        if (zone != null) {
            sb.append(' ').append(zone.substring(0, 1).toUpperCase(Locale.ROOT)).append(zone.substring(1));
        }
        if (complement != null) {
            sb.append(", ").append(complement);
        }
        return sb.toString();
    }
}
