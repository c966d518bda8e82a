package co.wpfoods.order.privacy.domain;

import java.time.Instant;
import java.util.List;

/**
 * What order-service holds about one person (Ley 1581, right to know): their consent history, the name WhatsApp gave
 * us, the address they last used, their orders and open requests. Nulls are "nothing held".
 */
public record DataSummary(
        List<ConsentEntry> consents,
        String language,
        String name,
        String address,
        long orders,
        Instant lastOrderAt,
        String lastOrderReference,
        long openRequests) {

    /** One grant or withdrawal: purpose ({@code PERSONAL_DATA}, {@code MARKETING}), the policy version, when. */
    public record ConsentEntry(String purpose, boolean granted, String policyVersion, Instant at) {}

    public DataSummary {
        consents = List.copyOf(consents);
    }

    public boolean holdsNothing() {
        return consents.isEmpty() && name == null && address == null && orders == 0 && openRequests == 0;
    }
}
