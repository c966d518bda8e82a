package co.wpfoods.logging;

import java.util.regex.Pattern;

/**
 * Takes personal data out of a log text: phone numbers and WhatsApp ids (10 or more digits, with the separators people
 * write), Colombian street addresses ({@code Calle 85 # 12-34}, {@code Cra. 7 No. 45-10}, …), precise coordinates (four
 * or more decimals) and e-mail addresses. What it leaves alone matters as much: UUIDs and other ids glued to letters or
 * hyphens, peso amounts up to 999.999.999, timestamps and ordinary numbers.
 */
public final class PersonalDataRedaction {

    static final String PHONE = "[phone]";
    static final String ADDRESS = "[address]";
    static final String COORDINATE = "[coordinate]";
    static final String EMAIL = "[email]";

    /** 10+ digits, optionally with a leading +, spaces, dots, hyphens or parentheses between them; not part of a word. */
    private static final Pattern PHONE_LIKE =
            Pattern.compile("(?<![\\w\\-.+])\\+?\\(?\\d(?:[ \\-.()]{0,2}\\d){9,}(?![\\w\\-])");

    /** Colombian urban nomenclature: street type, number, {@code #}/{@code No.}, cross street, hyphen, house number. */
    private static final Pattern ADDRESS_LIKE = Pattern.compile(
            "\\b(?:calle|cll|cl|carrera|cra|kra|kr|cr|avenida\\s+calle|avenida\\s+carrera|avenida|av|ak|ac|diagonal|dg"
                    + "|transversal|tv|tr)\\.?\\s*\\d{1,3}\\s*[a-z]?(?:\\s*bis)?\\s*[a-z]?\\s*"
                    + "(?:#|n[o°º]\\.?|nro\\.?|n[uú]mero)\\s*\\d{1,3}\\s*[a-z]?\\s*-\\s*\\d{1,3}\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern COORDINATE_LIKE = Pattern.compile("(?<![\\w.])-?\\d{1,3}\\.\\d{4,}(?![\\w.])");

    private static final Pattern EMAIL_LIKE = Pattern.compile("[\\w.+\\-]+@[\\w\\-]+(?:\\.[\\w\\-]+)+");

    private PersonalDataRedaction() {}

    public static String redact(String text) {
        if (text == null || text.isEmpty() || !containsDigitOrAt(text)) {
            return text;
        }
        String redacted = EMAIL_LIKE.matcher(text).replaceAll(EMAIL);
        redacted = ADDRESS_LIKE.matcher(redacted).replaceAll(ADDRESS);
        redacted = COORDINATE_LIKE.matcher(redacted).replaceAll(COORDINATE);
        return PHONE_LIKE.matcher(redacted).replaceAll(PHONE);
    }

    /** Every pattern needs a digit or an {@code @}; most log lines are answered by this scan alone. */
    private static boolean containsDigitOrAt(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '0' && c <= '9') || c == '@') {
                return true;
            }
        }
        return false;
    }
}
