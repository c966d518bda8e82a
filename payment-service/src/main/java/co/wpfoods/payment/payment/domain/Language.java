package co.wpfoods.payment.payment.domain;

import java.util.Locale;

/**
 * The language the customer is written to in, from their conversation ({@code OrderPlaced.language}). Texts exist in
 * Spanish (Colombia) and English; anything else, or nothing, is Spanish.
 */
public enum Language {
    ES("es", Locale.forLanguageTag("es-CO")),
    EN("en", Locale.ENGLISH);

    private final String code;
    private final Locale locale;

    Language(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    /** "en", "en-US", "EN" → English; null, blank, "es", "es-CO" or a language we have no texts in → Spanish. */
    public static Language of(String tag) {
        if (tag == null || tag.isBlank()) {
            return ES;
        }
        String primary = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return EN.code.equals(primary) ? EN : ES;
    }

    /** The stored and published code: {@code es} or {@code en}. */
    public String code() {
        return code;
    }

    /** The locale of the message bundles and of dates. */
    public Locale locale() {
        return locale;
    }
}
