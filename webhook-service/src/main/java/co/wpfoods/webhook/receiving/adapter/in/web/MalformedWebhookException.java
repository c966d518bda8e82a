package co.wpfoods.webhook.receiving.adapter.in.web;

/** The body is not a JSON object we can read: answered with 400 and the reason, never retried into success. */
public class MalformedWebhookException extends RuntimeException {

    private final String reason;
    private final String detail;

    public MalformedWebhookException(String reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
        this.detail = detail == null ? reason : detail;
    }

    /** What was wrong, in a sentence for the sender. */
    public String detail() {
        return detail;
    }

    /** A short, stable reason code (metric tag and response body). */
    public String reason() {
        return reason;
    }
}
