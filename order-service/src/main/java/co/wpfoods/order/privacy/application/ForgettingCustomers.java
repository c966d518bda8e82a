package co.wpfoods.order.privacy.application;

import co.wpfoods.privacy.domain.ErasureRequest;
import org.springframework.stereotype.Service;

/** order-service's part of an erasure: its own records, then its confirmation, in the caller's (inbox) transaction. */
@Service
public class ForgettingCustomers {

    private final CustomerRecords records;
    private final ErasureEvents events;
    private final PrivacySettings settings;

    public ForgettingCustomers(CustomerRecords records, ErasureEvents events, PrivacySettings settings) {
        this.records = records;
        this.events = events;
        this.settings = settings;
    }

    public void forget(ErasureRequest request) {
        var result = records.erase(request);
        events.confirmed(request.erasureId(), settings.service(), result);
    }
}
