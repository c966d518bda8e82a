package co.wpfoods.order.privacy.application;

import co.wpfoods.privacy.domain.ErasureRequest;
import co.wpfoods.privacy.domain.ErasureResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** order-service's own records about a person: found, counted and erased by their WhatsApp number. */
public interface CustomerRecords {

    record OrderRef(String id, String reference) {}

    record Counts(long orders, Instant lastOrderAt, String lastOrderReference, long openRequests) {}

    List<OrderRef> ordersOf(String waId);

    /** The number of an order still under way (not delivered or cancelled), if any. */
    Optional<String> orderInProgress(String waId);

    Counts counts(String waId);

    /**
     * Deletes the conversation and support requests, anonymizes the orders (kept for tax: totals, IVA, lines and
     * history stay; the number, name, address, coordinates and notes go) in the caller's transaction.
     */
    ErasureResult erase(ErasureRequest request);
}
