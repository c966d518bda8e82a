package co.wpfoods.dispatch.worker.domain;

/** A worker registration that breaks a rule; the message says which one. */
public class InvalidWorkerException extends RuntimeException {

    public InvalidWorkerException(String message) {
        super(message);
    }
}
