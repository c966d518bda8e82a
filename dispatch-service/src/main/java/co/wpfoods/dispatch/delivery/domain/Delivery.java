package co.wpfoods.dispatch.delivery.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One worker taking one order to the door: assigned → picked up → delivered (with the customer's PIN), or cancelled.
 * Each step returns what happened; a repeated step changes nothing and says so, so a duplicate message never delivers
 * (or pays) twice.
 */
public record Delivery(
        String orderId, String workerId, Status status, int pinAttempts, Instant pickedUpAt, Instant deliveredAt) {

    public enum Status {
        ASSIGNED,
        PICKED_UP,
        DELIVERED,
        CANCELLED;

        public boolean active() {
            return this == ASSIGNED || this == PICKED_UP;
        }
    }

    public Delivery {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(status, "status");
    }

    public static Delivery assigned(String orderId, String workerId) {
        return new Delivery(orderId, workerId, Status.ASSIGNED, 0, null, null);
    }

    /** What a step did. */
    public sealed interface Step {
        Delivery delivery();
    }

    public record PickedUpNow(Delivery delivery) implements Step {}

    public record DeliveredNow(Delivery delivery) implements Step {}

    public record CancelledNow(Delivery delivery) implements Step {}

    public record WrongPin(Delivery delivery, int attemptsLeft) implements Step {}

    /** The last allowed attempt failed: ops are alerted and the PIN is not asked again. */
    public record PinLocked(Delivery delivery) implements Step {}

    /** The step does not apply now (already done, not yet picked up, cancelled); nothing changed. */
    public record Unchanged(Delivery delivery, Status was) implements Step {}

    public Step pickUp(Instant now) {
        if (status != Status.ASSIGNED) {
            return new Unchanged(this, status);
        }
        return new PickedUpNow(new Delivery(orderId, workerId, Status.PICKED_UP, pinAttempts, now, null));
    }

    public Step deliver(String typedPin, String expectedPin, int maxAttempts, Instant now) {
        if (status != Status.PICKED_UP || pinAttempts >= maxAttempts) {
            return new Unchanged(this, status);
        }
        if (expectedPin == null || expectedPin.equals(typedPin)) {
            return new DeliveredNow(new Delivery(orderId, workerId, Status.DELIVERED, pinAttempts, pickedUpAt, now));
        }
        Delivery tried = new Delivery(orderId, workerId, status, pinAttempts + 1, pickedUpAt, null);
        int left = maxAttempts - tried.pinAttempts;
        return left == 0 ? new PinLocked(tried) : new WrongPin(tried, left);
    }

    public Step cancel() {
        if (!status.active()) {
            return new Unchanged(this, status);
        }
        return new CancelledNow(new Delivery(orderId, workerId, Status.CANCELLED, pinAttempts, pickedUpAt, null));
    }
}
