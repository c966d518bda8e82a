package co.wpfoods.schemas.wa;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A WhatsApp number as Meta writes it ({@code wa_id}): the E.164 number's digits, country code first, no {@code +}.
 * The one value for a person's number in every service; who a user is when Meta sends no number at all is
 * {@link UserKey}'s rule.
 *
 * <p>{@link #parse} takes what people type and libphonenumber decides: {@code "+57 300 555 0301"},
 * {@code "(57) 300-555-0301"}, {@code "573005550301"} and {@code "300 555 0301"} (no country code: Colombia,
 * {@link #DEFAULT_REGION}) are all {@code 573005550301}; a number written with its country code but without {@code +}
 * ({@code "12015550123"}, as Meta writes it) is read as international when it is not a Colombian number. A number
 * that is not a valid one for its country is refused with the reason ({@link Invalid}).
 */
public record WaId(String value) {

    /** The region of a number typed without its country code. */
    public static final String DEFAULT_REGION = "CO";

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern WA_FORM = Pattern.compile("[1-9]\\d{6,14}");
    private static final Pattern TYPED = Pattern.compile("[\\d\\s+()\\-./]+");

    /**
     * {@code value} must already be in Meta's form: 7 to 15 digits, no leading zero. Only the form is checked, so a
     * number Meta sends is never refused; {@link #parse} is for what people type and checks the number itself.
     */
    public WaId {
        if (value == null || !WA_FORM.matcher(value).matches()) {
            throw new Invalid("a WhatsApp number is 7 to 15 digits with its country code, no '+': " + value);
        }
    }

    /** Reads what people type (digits with spaces, dashes, dots, brackets, a leading {@code +}) into a number. */
    public static WaId parse(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new Invalid("a WhatsApp number is required");
        }
        String text = typed.strip();
        if (!TYPED.matcher(text).matches()) {
            throw new Invalid(
                    "a WhatsApp number is digits with its country code (Colombian numbers may leave it out): " + text);
        }
        long digits = text.chars().filter(Character::isDigit).count();
        if (digits > 15) {
            // E.164 allows at most 15 digits with the country code; libphonenumber would drop a national prefix ("0")
            // and read what is left
            throw new Invalid("a phone number has at most 15 digits with its country code: " + text);
        }
        return valid(text, DEFAULT_REGION)
                .or(() -> text.startsWith("+") ? Optional.empty() : valid("+" + text, DEFAULT_REGION))
                .map(number ->
                        new WaId(PHONES.format(number, PhoneNumberFormat.E164).substring(1)))
                .orElseThrow(() -> new Invalid("not a valid phone number (digits with its country code, or a"
                        + " Colombian number without it): " + text));
    }

    private static Optional<PhoneNumber> valid(String text, String region) {
        try {
            PhoneNumber number = PHONES.parse(text, region);
            return PHONES.isValidNumber(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** A number that is not one; the message is the reason a caller is given (a {@code 400}). */
    public static final class Invalid extends IllegalArgumentException {
        public Invalid(String message) {
            super(message);
        }
    }
}
