package co.wpfoods.gateway.edge.domain;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The id that follows one request through the gateway, the services and the logs. An incoming id
 * is kept only when it is well-formed (1–64 characters of letters, digits, {@code - _ . :}), and holds
 * no run of 7+ digits, so a caller cannot inject log lines, huge values or phone numbers through it.
 */
public record RequestId(String value) {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public RequestId {
        if (value == null || !WELL_FORMED.matcher(value).matches()) {
            throw new IllegalArgumentException("malformed request id");
        }
    }

    /** Keeps {@code incoming} when well-formed, otherwise generates a new id. */
    public static RequestId keepOrGenerate(String incoming) {
        return isWellFormed(incoming) ? new RequestId(incoming) : generate();
    }

    /**
     * A random (version 4) UUID, drawn again in the rare case it holds a run of 7+ digits (looks like a phone).
     * The bits come from {@link ThreadLocalRandom}, not {@link UUID#randomUUID()}'s {@code SecureRandom}: a request
     * id only has to be unique enough to follow one request through the logs, it guards nothing, and
     * {@code SecureRandom} costs a shared lock and more per request.
     */
    public static RequestId generate() {
        String candidate;
        do {
            candidate = randomUuid().toString();
        } while (LogRedaction.containsLongDigitRun(candidate));
        return new RequestId(candidate);
    }

    private static UUID randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long mostSignificant = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long leastSignificant = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(mostSignificant, leastSignificant);
    }

    public static boolean isWellFormed(String candidate) {
        return candidate != null
                && WELL_FORMED.matcher(candidate).matches()
                && !LogRedaction.containsLongDigitRun(candidate);
    }

    @Override
    public String toString() {
        return value;
    }
}
