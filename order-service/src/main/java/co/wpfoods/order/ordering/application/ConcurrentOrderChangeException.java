package co.wpfoods.order.ordering.application;

/** Two hands moved the same order at once (two staff tapping Accept); the second one loses and sees who won. */
public class ConcurrentOrderChangeException extends RuntimeException {
    public ConcurrentOrderChangeException(String message) {
        super(message);
    }
}
