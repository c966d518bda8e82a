package co.wpfoods.messaging.sending.domain;

/** What one POST to the Graph API came to, classified per reference §6.2. */
public sealed interface GraphOutcome {

    /** HTTP 200: Meta accepted the message (not delivered yet). {@code wamid} is null for mark-as-read. */
    record Accepted(String wamid) implements GraphOutcome {}

    /** Worth retrying for this message with exponential backoff (5xx, timeouts, 130429, 1, 2, 131000...). */
    record Transient(int code, String message, Retry kind) implements GraphOutcome {}

    /** 131056: too many messages to this one user; back off for this recipient only (4^X s). */
    record PairLimited(String message) implements GraphOutcome {}

    /** 190 / 0 (HTTP 401): the access token is expired or invalid. Pause everything; nothing is lost. */
    record TokenInvalid(int code, String message) implements GraphOutcome {}

    /** Anything retrying cannot fix: goes to the dead-letter topic with the code. */
    record Permanent(int code, String message) implements GraphOutcome {}

    /**
     * The request left us but no answer came back (a timeout, the connection reset after the request was written):
     * Meta may have accepted the message. Resending at once could show it twice; see {@code SendingMessages}.
     */
    record Unanswered(String message) implements GraphOutcome {}

    /** Our circuit breaker did not let the call go out. */
    record NotAttempted(String why) implements GraphOutcome {}

    enum Retry {
        /** HTTP 5xx, timeouts, connection errors, generic temporary codes. */
        SERVER,
        /** 130429: number-wide throughput reached. */
        THROUGHPUT,
        /** 131000: unknown error; Meta suggests a bounded number of retries. */
        UNKNOWN_BOUNDED,
        /** 131057: account in maintenance (throughput upgrade); wait about a minute. */
        MAINTENANCE
    }

    /** Classifies a non-2xx Graph answer by its error code (never by title), per reference §6.1–6.2. */
    static GraphOutcome ofError(int httpStatus, Integer code, String message) {
        if (code == null) {
            if (httpStatus == 401) {
                return new TokenInvalid(190, message);
            }
            if (httpStatus >= 500 || httpStatus == 429 || httpStatus == 408) {
                return new Transient(httpStatus, message, Retry.SERVER);
            }
            return new Permanent(httpStatus, message);
        }
        return switch (code) {
            case 190, 0 -> new TokenInvalid(code, message);
            case 131056 -> new PairLimited(message);
            case 130429, 4, 80007 -> new Transient(code, message, Retry.THROUGHPUT);
            case 131000 -> new Transient(code, message, Retry.UNKNOWN_BOUNDED);
            case 131057 -> new Transient(code, message, Retry.MAINTENANCE);
            case 1, 2, 131016, 133004 -> new Transient(code, message, Retry.SERVER);
            default ->
                httpStatus >= 500 && !isKnownPermanent(code)
                        ? new Transient(code, message, Retry.SERVER)
                        : new Permanent(code, message);
        };
    }

    private static boolean isKnownPermanent(int code) {
        return code == 3 || code == 131045;
    }
}
