package co.wpfoods.order.marketing.domain;

import java.util.regex.Pattern;

/**
 * Whether a customer's words ask to stop promotions: a bare "STOP" / "para" / "basta" / "unsubscribe", or a sentence
 * naming promotions, offers or advertising with "no más", "no me envíen más", "no more", "stop", "unsubscribe from"…
 * Case does not matter, nor the accents of "más" and "envíen". A sentence that merely contains "para" ("una bandeja
 * para dos") does not count.
 */
public final class StopPromotions {

    private static final Pattern SPANISH = Pattern.compile(
            "^\\W*(stop|para|parar|basta|desuscrib\\w*)\\W*$"
                    + "|\\bno\\s+(me\\s+)?(env[ií]en|mand[eé]n|escriban)\\s+(m[aá]s\\s+)?(promociones|promos|ofertas|publicidad)\\b"
                    + "|\\bno\\s+(quiero\\s+)?(recibir\\s+)?m[aá]s\\s+(promociones|promos|ofertas|publicidad)\\b"
                    + "|\\b(cancelar|quitar|parar)\\s+(las\\s+)?(promociones|promos|ofertas|publicidad)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ENGLISH = Pattern.compile(
            "^\\W*(unsubscribe|opt\\s*out)\\W*$"
                    + "|\\b(no\\s+more|stop(\\s+the|\\s+sending(\\s+me)?)?|unsubscribe(\\s+me)?(\\s+from)?)\\s+"
                    + "(promotions|promos|offers|marketing|ads)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private StopPromotions() {}

    public static boolean asked(String text) {
        return text != null
                && (SPANISH.matcher(text).find() || ENGLISH.matcher(text).find());
    }

    /** Asked in words only English uses (a bare "STOP" is both languages' and counts as Spanish). */
    public static boolean inEnglish(String text) {
        return text != null && ENGLISH.matcher(text).find();
    }
}
