package co.wpfoods.eventing;

/**
 * A consumer received a record type it has no handler for. Not retried: the record goes straight to the dead-letter
 * topic, so an unknown type is never skipped silently.
 */
public class UnhandledEventException extends RuntimeException {

    public UnhandledEventException(String consumer, Object value) {
        super(consumer + " has no handler for "
                + (value == null ? "null" : value.getClass().getName()));
    }
}
