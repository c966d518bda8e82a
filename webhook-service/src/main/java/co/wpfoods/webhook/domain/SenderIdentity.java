package co.wpfoods.webhook.domain;

/**
 * Who a WhatsApp user is: their {@code wa_id} when Meta sends a non-empty one, else their business-scoped user id
 * (BSUID). Usernames make an empty {@code from} possible, so neither part is assumed present.
 */
public record SenderIdentity(String waId, String userId) {

    /** Stands for a sender Meta identified by neither a number nor a user id. */
    public static final String UNKNOWN_KEY = "unknown";

    public SenderIdentity {
        waId = normalizeWaId(waId);
        userId = blankToNull(userId);
    }

    /** The key records and limits use: {@code wa_id}, else {@code user_id}, else {@link #UNKNOWN_KEY}. */
    public String key() {
        if (waId != null) {
            return waId;
        }
        return userId != null ? userId : UNKNOWN_KEY;
    }

    public boolean isKnown() {
        return waId != null || userId != null;
    }

    /** Digits as Meta sends them; a leading '+' (seen in some docs) is stripped. */
    static String normalizeWaId(String raw) {
        String value = blankToNull(raw);
        if (value == null) {
            return null;
        }
        return value.startsWith("+") ? blankToNull(value.substring(1)) : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
