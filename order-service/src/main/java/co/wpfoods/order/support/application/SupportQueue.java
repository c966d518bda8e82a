package co.wpfoods.order.support.application;

import co.wpfoods.order.support.domain.ComplaintKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Complaints and requests for help, read by ops through the REST API. */
public interface SupportQueue {

    enum Kind {
        COMPLAINT,
        HELP,
        PRIVACY
    }

    /**
     * @param category what a complaint is about (null for help and data requests)
     * @param routedTo who fixes it: {@code RESTAURANT} (the order's staff were told) or {@code OPS} (the queue)
     * @param handledBy the staff member who took a restaurant's ticket, or null
     */
    record Ticket(
            String id,
            String customerKey,
            String orderId,
            Kind kind,
            String text,
            String status,
            Instant createdAt,
            ComplaintKind category,
            ComplaintKind.Owner routedTo,
            String handledBy) {}

    /** Opens a ticket for ops in the caller's transaction; returns its id (short, for the customer to quote). */
    String open(String customerKey, String orderId, Kind kind, String text);

    /** Opens a complaint about an order, routed to whoever fixes its kind; returns its id. */
    String complaint(String customerKey, String orderId, ComplaintKind category, String text);

    Optional<Ticket> find(String id);

    /**
     * A restaurant's staff member answers one of its tickets: keeps it ({@code OPS} = false) or sends it on to ops. Only
     * the first answer counts; false when someone answered before.
     */
    boolean answerByRestaurant(String id, String staffName, boolean toOps);

    /** Open tickets in ops' queue (routed to {@code OPS}), oldest first. */
    List<Ticket> open(int page, int size);
}
