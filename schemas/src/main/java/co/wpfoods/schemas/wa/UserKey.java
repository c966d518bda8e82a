package co.wpfoods.schemas.wa;

import java.util.Optional;

/**
 * The one rule for who a WhatsApp user is (reference §7): their {@code wa_id} when Meta sends a non-empty one, else
 * their business-scoped user id (BSUID). Usernames make an empty {@code wa_id} possible, so neither part is assumed
 * present. Every record key, conversation and limit that names a user uses this rule.
 */
public final class UserKey {

    /** Stands for a user Meta identified by neither a number nor a user id, where a key cannot be absent. */
    public static final String UNKNOWN = "unknown";

    private UserKey() {}

    /** {@code wa_id} (normalised, see {@link #normalizeWaId}), else the BSUID, else empty. */
    public static Optional<String> of(String waId, String userId) {
        String number = normalizeWaId(waId);
        return Optional.ofNullable(number != null ? number : blankToNull(userId));
    }

    /** The key of an Avro user, as {@link #of(String, String)}; empty for no user. */
    public static Optional<String> of(WaUser user) {
        return user == null ? Optional.empty() : of(user.getWaId(), user.getUserId());
    }

    /** The key, or {@link #UNKNOWN} where something must be named (a Kafka key, a limit's counter). */
    public static String orUnknown(String waId, String userId) {
        return of(waId, userId).orElse(UNKNOWN);
    }

    /** The key of an Avro user, or {@link #UNKNOWN}. */
    public static String orUnknown(WaUser user) {
        return of(user).orElse(UNKNOWN);
    }

    /** Digits as Meta sends them, stripped; a leading '+' (seen in some docs) removed; blank is null. */
    public static String normalizeWaId(String raw) {
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
