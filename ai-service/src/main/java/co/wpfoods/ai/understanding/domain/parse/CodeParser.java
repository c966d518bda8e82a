package co.wpfoods.ai.understanding.domain.parse;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Delivery PINs (4 digits), order references and prices in folded text. */
public final class CodeParser {

    private static final Pattern PIN_LABELLED = Pattern.compile(
            "(?<![a-z])(?:pin|codigo|clave|code|cod)\\s*(?:es|is|de entrega|:|#)?\\s*:?\\s*(\\d{4})(?!\\d)");
    private static final Pattern FOUR_DIGITS = Pattern.compile("(?<![\\d#.:$-])(\\d{4})(?![\\d:.-])");
    private static final Pattern ORDER_REF = Pattern.compile(
            "(?<![a-z])(?:pedido|orden|order|domicilio)\\s*(?:#|no\\.?|numero|nro\\.?|num)?\\s*#?\\s*([a-z]{0,3}\\d[a-z0-9]{2,9})(?![a-z0-9])"
                    + "|#\\s*([a-z0-9]*\\d[a-z0-9]*)(?![a-z0-9-])");
    private static final Pattern PRICE = Pattern.compile(
            "(?<![a-z0-9.])\\$?\\s*(\\d{1,3}(?:[.,]\\d{3})+|\\d{4,7})(?![\\d.,]*\\d)(?:\\s*(?:pesos|cop))?"
                    + "|(?<![a-z0-9.])(\\d{1,3})\\s*(?:mil|k)(?![a-z])(?:\\s*pesos)?");

    private CodeParser() {}

    /** A PIN said with a label ("pin 4821", "el codigo es 5532"), or, when {@code bareAllowed}, any lone 4 digits. */
    public static Optional<Found<String>> pin(String folded, boolean bareAllowed) {
        Matcher m = PIN_LABELLED.matcher(folded);
        if (m.find()) {
            return Optional.of(new Found<>(m.group(1), m.start(), m.end()));
        }
        if (bareAllowed) {
            m = FOUR_DIGITS.matcher(folded);
            if (m.find()) {
                return Optional.of(new Found<>(m.group(1), m.start(), m.end()));
            }
        }
        return Optional.empty();
    }

    /** An order reference: "pedido A7K2", "orden #5531", "#5531". Upper case; must contain a digit. */
    public static Optional<Found<String>> orderReference(String folded) {
        Matcher m = ORDER_REF.matcher(folded);
        if (m.find()) {
            String ref = m.group(1) != null ? m.group(1) : m.group(2);
            return Optional.of(new Found<>(ref.toUpperCase(Locale.ROOT), m.start(), m.end()));
        }
        return Optional.empty();
    }

    /** A price in COP: "19900", "82.000", "$25.000", "70 mil", "36k". Values under 500 are not prices. */
    public static Optional<Found<Long>> price(String folded) {
        Matcher m = PRICE.matcher(folded);
        while (m.find()) {
            long value = m.group(1) != null
                    ? Long.parseLong(m.group(1).replace(".", "").replace(",", ""))
                    : Long.parseLong(m.group(2)) * 1000;
            if (value >= 500) {
                return Optional.of(new Found<>(value, m.start(), m.end()));
            }
        }
        return Optional.empty();
    }
}
