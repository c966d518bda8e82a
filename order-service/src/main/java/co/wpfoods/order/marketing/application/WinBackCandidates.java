package co.wpfoods.order.marketing.application;

import co.wpfoods.order.catalog.domain.GeoLocation;
import java.time.Instant;
import java.util.List;

/** Who may get the win-back template, and when it last went to each (found by the keyed hash of the number). */
public interface WinBackCandidates {

    /** A customer who has not ordered for a while: their number, name, last delivery point and when it was. */
    record Candidate(String waId, String name, GeoLocation lastPoint, Instant deliveredAt) {

        public String firstName() {
            if (name == null || name.isBlank()) {
                return null;
            }
            return name.strip().split("\\s+")[0];
        }
    }

    /**
     * Customers whose latest order was delivered before {@code deliveredBefore}, who have ordered nothing since (nor
     * at all after {@code deliveredBefore}), whose latest marketing decision in the consent ledger is a grant, and to
     * whom the win-back has not gone since {@code notSentSince}; oldest delivery first, at most {@code limit}.
     */
    List<Candidate> due(Instant deliveredBefore, Instant notSentSince, int limit);

    /**
     * Marks the win-back as going to this customer now, unless it went after {@code notSentSince} (another replica or
     * run got there first: a row lock makes the second wait and then find it). False when it was not claimed.
     */
    boolean claim(String waId, Instant now, Instant notSentSince);
}
