package co.wpfoods.gateway.metawebhook.domain;

/** Outcome of checking one {@code X-Hub-Signature-256} header against one body. */
public enum SignatureVerdict {
    /** The header matches the HMAC of the body under one of the accepted app secrets. */
    VALID,
    /** No header at all. */
    MISSING,
    /** A header that is not {@code sha256=} followed by 64 hex digits. */
    MALFORMED,
    /** A well-formed header that matches none of the accepted app secrets. */
    MISMATCH;

    public boolean isValid() {
        return this == VALID;
    }
}
