package co.wpfoods.order.support.application;

import java.time.Instant;
import java.util.List;

/** Complaints and requests for help, read by ops through the REST API. */
public interface SupportQueue {

    enum Kind {
        COMPLAINT,
        HELP,
        PRIVACY
    }

    record Ticket(
            String id, String customerKey, String orderId, Kind kind, String text, String status, Instant createdAt) {}

    /** Opens a ticket in the caller's transaction; returns its id (short, for the customer to quote). */
    String open(String customerKey, String orderId, Kind kind, String text);

    List<Ticket> open(int page, int size);
}
