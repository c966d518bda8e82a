package co.wpfoods.order.ordering.domain;

import co.wpfoods.order.catalog.domain.Cop;
import co.wpfoods.order.catalog.domain.GeoLocation;
import co.wpfoods.order.catalog.domain.Restaurant;
import co.wpfoods.order.catalog.domain.RestaurantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A customer's order: the lines as they were sold, the totals, where and how it is paid and delivered, and its life
 * so far. Immutable: every move returns the next {@link Order} with the {@link OrderEvent} that announces it, and
 * refuses (with {@link IllegalTransitionException}) what {@link OrderStatus} does not allow.
 */
public record Order(
        OrderId id,
        OrderReference reference,
        Customer customer,
        RestaurantId restaurantId,
        OrderStatus status,
        List<OrderLine> lines,
        Totals totals,
        PaymentMethod paymentMethod,
        Cop cashChangeFor,
        DeliveryAddress address,
        String notes,
        String deliveryPin,
        int preparationMinutes,
        Instant estimatedReadyAt,
        Cancellation cancellation,
        Integer rating,
        List<HistoryEntry> history,
        Instant placedAt,
        long version) {

    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(restaurantId, "restaurantId");
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(lines);
        history = List.copyOf(history);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
        if (deliveryPin == null || !deliveryPin.matches("\\d{4}")) {
            throw new IllegalArgumentException("a delivery PIN is 4 digits");
        }
    }

    /**
     * What the customer confirmed at checkout; {@code language} is their conversation's ("es", "en"; null when not
     * known), passed on with {@code OrderPlaced} so other services write to them in it.
     */
    public record Draft(
            Customer customer,
            Restaurant restaurant,
            List<OrderLine> lines,
            PaymentMethod paymentMethod,
            Cop cashChangeFor,
            DeliveryAddress address,
            String notes,
            String language) {

        public Draft(
                Customer customer,
                Restaurant restaurant,
                List<OrderLine> lines,
                PaymentMethod paymentMethod,
                Cop cashChangeFor,
                DeliveryAddress address,
                String notes) {
            this(customer, restaurant, lines, paymentMethod, cashChangeFor, address, notes, null);
        }
    }

    public record Transition(Order order, OrderEvent event) {}

    /**
     * Places an order: cash goes straight to the restaurant (PENDING); card waits for payment-service
     * (AWAITING_PAYMENT).
     */
    public static Transition place(Draft draft, OrderId id, OrderReference reference, String deliveryPin, Instant now) {
        var status = draft.paymentMethod() == PaymentMethod.CARD ? OrderStatus.AWAITING_PAYMENT : OrderStatus.PENDING;
        var order = new Order(
                id,
                reference,
                draft.customer(),
                draft.restaurant().id(),
                status,
                draft.lines(),
                Totals.of(draft.lines(), draft.restaurant().store().deliveryFee()),
                draft.paymentMethod(),
                draft.paymentMethod() == PaymentMethod.CASH ? draft.cashChangeFor() : null,
                draft.address(),
                draft.notes(),
                deliveryPin,
                draft.restaurant().store().preparationMinutes(),
                null,
                null,
                null,
                List.of(new HistoryEntry(status, now, Actor.CUSTOMER, null)),
                now,
                0);
        return new Transition(order, new OrderEvent.Placed(order, now, draft.language()));
    }

    public Transition paymentCompleted(Instant now) {
        var next = move(OrderStatus.PENDING, Actor.PAYMENT, now, null);
        return new Transition(next, new OrderEvent.PaymentAccepted(next, now));
    }

    /** The restaurant accepts; {@code minutes} null means its usual preparation time. */
    public Transition confirm(Integer minutes, String by, Instant now) {
        int prep = minutes == null ? preparationMinutes : minutes;
        if (prep < 1 || prep > 240) {
            throw new IllegalArgumentException("preparation time must be 1..240 minutes");
        }
        var moved = move(OrderStatus.CONFIRMED, Actor.RESTAURANT, now, by);
        var next = moved.with(prep, now.plusSeconds(prep * 60L), null, null);
        return new Transition(next, new OrderEvent.Confirmed(next, now));
    }

    public Transition startPreparing(String by, Instant now) {
        var next = move(OrderStatus.PREPARING, Actor.RESTAURANT, now, by);
        return new Transition(next, new OrderEvent.Preparing(next, now));
    }

    public Transition ready(String by, Instant now) {
        var next = move(OrderStatus.READY, Actor.RESTAURANT, now, by);
        return new Transition(next, new OrderEvent.Ready(next, now));
    }

    public Transition pickedUp(String workerFirstName, GeoLocation workerLocation, Instant now) {
        var next = move(OrderStatus.PICKED_UP, Actor.WORKER, now, workerFirstName);
        return new Transition(next, new OrderEvent.PickedUp(next, workerFirstName, workerLocation, now));
    }

    public Transition delivered(Instant now) {
        var next = move(OrderStatus.DELIVERED, Actor.WORKER, now, null);
        return new Transition(next, new OrderEvent.Delivered(next, now));
    }

    public Transition cancel(CancellationReason reason, Actor by, String detail, Instant now) {
        var moved = move(OrderStatus.CANCELLED, by, now, detail);
        var next =
                moved.with(preparationMinutes, estimatedReadyAt, new Cancellation(reason, by, detail, status), rating);
        return new Transition(next, new OrderEvent.Cancelled(next, now));
    }

    /** A 1–5 rating, once, after delivery. */
    public Order rate(int stars) {
        if (status != OrderStatus.DELIVERED) {
            throw new IllegalTransitionException(reference, status, OrderStatus.DELIVERED);
        }
        if (stars < 1 || stars > 5) {
            throw new IllegalArgumentException("a rating is 1..5");
        }
        return with(preparationMinutes, estimatedReadyAt, cancellation, stars);
    }

    /** Who made the last move (a staff member's name for restaurant moves), as noted in the history. */
    public String lastMovedBy() {
        return history.getLast().note();
    }

    public boolean customerMayCancel() {
        return status.customerMayCancel();
    }

    private Order move(OrderStatus target, Actor actor, Instant now, String note) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException(reference, status, target);
        }
        var history = new ArrayList<>(this.history);
        history.add(new HistoryEntry(target, now, actor, note));
        return new Order(
                id,
                reference,
                customer,
                restaurantId,
                target,
                lines,
                totals,
                paymentMethod,
                cashChangeFor,
                address,
                notes,
                deliveryPin,
                preparationMinutes,
                estimatedReadyAt,
                cancellation,
                rating,
                history,
                placedAt,
                version);
    }

    private Order with(int prep, Instant readyAt, Cancellation cancelled, Integer stars) {
        return new Order(
                id,
                reference,
                customer,
                restaurantId,
                status,
                lines,
                totals,
                paymentMethod,
                cashChangeFor,
                address,
                notes,
                deliveryPin,
                prep,
                readyAt,
                cancelled,
                stars,
                history,
                placedAt,
                version);
    }
}
