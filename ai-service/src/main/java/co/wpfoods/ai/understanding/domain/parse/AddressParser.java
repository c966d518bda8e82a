package co.wpfoods.ai.understanding.domain.parse;

import co.wpfoods.ai.understanding.domain.Address;
import co.wpfoods.ai.understanding.domain.Address.ViaType;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Colombian grid addresses in folded text (see {@code TextNormalizer.fold}): "calle 85 # 11-53", "cra 7 con 72",
 * "kr 15 no 93-47 apto 502", "av calle 26 sur # 68c-10", and the spoken "la 85 con 11".
 */
public final class AddressParser {

    private static final String VIA =
            "(avenida calle|avenida carrera|av\\.? calle|av\\.? carrera|av\\.? cra|av\\.? cll|"
                    + "calle|cll|cl|carrera|cra|kra|kr|cr|ak|ac|transversal|transv|tv|diagonal|diag|dg|avenida|av|circular|cq)\\.?";
    private static final String NUM = "(\\d{1,3}(?:\\s?[a-h](?![a-z]))?(?:\\s?bis(?:\\s?[a-h](?![a-z]))?)?)";
    private static final String ZONE = "(?:\\s+(sur|este|norte))?";
    private static final String SEP = "(?:#|no\\.?|n|nro\\.?|num|numero)";
    private static final String COMPLEMENT =
            "((?:[\\s,]+(?:apto|apartamento|apt|torre|to|int|interior|casa|piso|oficina|of|local|bloque|bl|conjunto|edificio)"
                    + "\\.?\\s*[a-z0-9-]+)+)?";

    private static final Pattern PLATE = Pattern.compile("(?<![a-z0-9])" + VIA + "\\s*" + NUM + ZONE + "\\s*" + SEP
            + "\\s*" + NUM + "\\s*-\\s*(\\d{1,3})" + ZONE + COMPLEMENT);
    private static final Pattern CROSS =
            Pattern.compile("(?<![a-z0-9])" + VIA + "\\s*" + NUM + ZONE + "\\s+con\\s+" + NUM + ZONE + COMPLEMENT);
    private static final Pattern SPOKEN_CROSS = Pattern.compile(
            "(?<![a-z0-9])(?:la|el)\\s+(\\d{1,3}(?:\\s?[a-h](?![a-z]))?)\\s+con\\s+(\\d{1,3}(?:\\s?[a-h](?![a-z]))?)(?![0-9])"
                    + COMPLEMENT);

    private AddressParser() {}

    public static Optional<Found<Address>> find(String folded) {
        Matcher m = PLATE.matcher(folded);
        if (m.find()) {
            String zone = m.group(3) != null ? m.group(3) : m.group(6);
            Address a = new Address(
                    via(m.group(1)),
                    clean(m.group(2)),
                    clean(m.group(4)),
                    m.group(5),
                    zone,
                    complement(m.group(7)),
                    m.group().trim());
            return Optional.of(new Found<>(a, m.start(), m.end()));
        }
        m = CROSS.matcher(folded);
        if (m.find()) {
            String zone = m.group(3) != null ? m.group(3) : m.group(5);
            Address a = new Address(
                    via(m.group(1)),
                    clean(m.group(2)),
                    clean(m.group(4)),
                    null,
                    zone,
                    complement(m.group(6)),
                    m.group().trim());
            return Optional.of(new Found<>(a, m.start(), m.end()));
        }
        m = SPOKEN_CROSS.matcher(folded);
        if (m.find()) {
            Address a = new Address(
                    null,
                    clean(m.group(1)),
                    clean(m.group(2)),
                    null,
                    null,
                    complement(m.group(3)),
                    m.group().trim());
            return Optional.of(new Found<>(a, m.start(), m.end()));
        }
        return Optional.empty();
    }

    static ViaType via(String raw) {
        String v = raw.replace(".", "").trim();
        if (v.startsWith("av") && (v.endsWith("calle") || v.endsWith("cll")) || v.equals("ac")) {
            return ViaType.AVENIDA_CALLE;
        }
        if (v.startsWith("av") && (v.endsWith("carrera") || v.endsWith("cra")) || v.equals("ak")) {
            return ViaType.AVENIDA_CARRERA;
        }
        return switch (v) {
            case "calle", "cll", "cl" -> ViaType.CALLE;
            case "carrera", "cra", "kra", "kr", "cr" -> ViaType.CARRERA;
            case "transversal", "transv", "tv" -> ViaType.TRANSVERSAL;
            case "diagonal", "diag", "dg" -> ViaType.DIAGONAL;
            case "circular", "cq" -> ViaType.CIRCULAR;
            default -> ViaType.AVENIDA;
        };
    }

    private static final Pattern NUMBER_PARTS = Pattern.compile("^(\\d+) ?([A-H])?(?: ?(BIS)(?: ?([A-H]))?)?$");

    /** "68 c" → "68C", "26 bis a" → "26 BIS A". */
    static String clean(String num) {
        String s = num.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher m = NUMBER_PARTS.matcher(s);
        if (!m.matches()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(m.group(1));
        if (m.group(2) != null) {
            sb.append(m.group(2));
        }
        if (m.group(3) != null) {
            sb.append(" BIS");
            if (m.group(4) != null) {
                sb.append(' ').append(m.group(4));
            }
        }
        return sb.toString();
    }

    private static String complement(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.replaceAll("^[\\s,]+", "").replaceAll("\\s+", " ").trim();
        return s.isEmpty() ? null : s;
    }
}
