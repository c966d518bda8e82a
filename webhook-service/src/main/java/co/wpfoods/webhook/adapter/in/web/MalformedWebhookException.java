package co.wpfoods.webhook.adapter.in.web;

/** The body is not a JSON object we can read: answered with 400 and the reason, never retried into success. */
public class MalformedWebhookException extends RuntimeException {

    private final String reason;

    public MalformedWebhookException(String reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    /** A short, stable reason code (metric tag and response body). */
    public String reason() {
        return reason;
    }
}
