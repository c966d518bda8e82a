package co.wpfoods.webhook.receiving.domain;

import co.wpfoods.schemas.wa.UserKey;

/**
 * Who a WhatsApp user is: their {@code wa_id} when Meta sends a non-empty one, else their business-scoped user id
 * (BSUID) — the rule is {@link UserKey}'s. Usernames make an empty {@code from} possible, so neither part is assumed
 * present.
 */
public record SenderIdentity(String waId, String userId) {

    /** Stands for a sender Meta identified by neither a number nor a user id. */
    public static final String UNKNOWN_KEY = UserKey.UNKNOWN;

    public SenderIdentity {
        waId = UserKey.normalizeWaId(waId);
        userId = userId == null || userId.isBlank() ? null : userId.strip();
    }

    /** The key records and limits use: {@code wa_id}, else {@code user_id}, else {@link #UNKNOWN_KEY}. */
    public String key() {
        return UserKey.orUnknown(waId, userId);
    }

    public boolean isKnown() {
        return waId != null || userId != null;
    }
}
