package co.wpfoods.order.privacy.application;

import co.wpfoods.order.consent.application.Consents;
import co.wpfoods.privacy.domain.ErasureRequest;
import co.wpfoods.privacy.domain.ErasureResult;
import org.springframework.stereotype.Service;

/**
 * order-service's part of an erasure: its own records and the person's consent history (the ledger's proof goes with
 * the person: nothing would be left to prove it about), then its confirmation, in the caller's (inbox) transaction.
 */
@Service
public class ForgettingCustomers {

    private final CustomerRecords records;
    private final ErasureEvents events;
    private final PrivacySettings settings;
    private final Consents consents;

    public ForgettingCustomers(
            CustomerRecords records, ErasureEvents events, PrivacySettings settings, Consents consents) {
        this.records = records;
        this.events = events;
        this.settings = settings;
        this.consents = consents;
    }

    public void forget(ErasureRequest request) {
        var own = records.erase(request);
        int consentRows = consents.forget(request.waId());
        var result = new ErasureResult(
                own.rowsDeleted() + consentRows,
                own.rowsAnonymized(),
                own.detail() + "; security_consent_event: %d deleted".formatted(consentRows));
        events.confirmed(request.erasureId(), settings.service(), result);
    }
}
