package co.wpfoods.dispatch.worker.domain;

import java.util.regex.Pattern;

/** A WhatsApp number as Meta writes it: digits only, country code first, no '+'. */
public record WaId(String value) {

    private static final Pattern DIGITS = Pattern.compile("\\d{7,15}");

    public WaId {
        if (value == null || !DIGITS.matcher(value).matches()) {
            throw new InvalidWorkerException(
                    "a WhatsApp number must be 7 to 15 digits with its country code: " + value);
        }
    }

    /** Accepts what people type ("+57 300 555 0301") and keeps the digits. */
    public static WaId parse(String typed) {
        if (typed == null) {
            throw new InvalidWorkerException("a WhatsApp number is required");
        }
        return new WaId(typed.replaceAll("[\\s+()\\-.]", ""));
    }
}
