package co.wpfoods.payment.payment.application;

/** The provider did not do what was asked. {@code retryable}: unreachable or busy, so trying again later can help. */
public class CardProviderException extends RuntimeException {

    private final boolean retryable;

    public CardProviderException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
