package co.wpfoods.order.privacy.domain;

import java.time.Instant;

/**
 * What order-service holds about one person (Ley 1581, right to know): consent, the name WhatsApp gave us, the
 * address they last used, their orders and open requests. Nulls are "nothing held".
 */
public record DataSummary(
        Instant consentAt,
        String policyVersion,
        String language,
        String name,
        String address,
        long orders,
        Instant lastOrderAt,
        String lastOrderReference,
        long openRequests) {

    public boolean holdsNothing() {
        return consentAt == null && name == null && address == null && orders == 0 && openRequests == 0;
    }
}
