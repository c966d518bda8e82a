package co.wpfoods.gateway.edge.domain;

/** Why the gateway refused a request; used as a metric tag, never sent to the caller. */
public enum RejectionReason {
    SIGNATURE("signature"),
    SIZE("size"),
    CONTENT_TYPE("content_type"),
    RATE_LIMIT("rate_limit"),
    VERIFY_TOKEN("verify_token");

    private final String tag;

    RejectionReason(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
