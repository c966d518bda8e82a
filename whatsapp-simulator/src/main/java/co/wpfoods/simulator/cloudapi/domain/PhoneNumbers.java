package co.wpfoods.simulator.cloudapi.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/** Phone number rules (reference §7.2): sends accept {@code +}, spaces, hyphens, parentheses; ids are digits. */
public final class PhoneNumbers {

    private static final Pattern FORMATTING = Pattern.compile("[+\\s\\-().]");
    private static final Pattern DIGITS = Pattern.compile("\\d{7,15}");

    private PhoneNumbers() {}

    /** The {@code wa_id} for a number as typed in a send, or empty when it is not a phone number. */
    public static Optional<String> toWaId(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String digits = FORMATTING.matcher(input.strip()).replaceAll("");
        return DIGITS.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }
}
