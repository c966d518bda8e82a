package co.wpfoods.simulator.cloudapi.domain;

/**
 * The Graph API errors the simulator reproduces, with the HTTP status Meta answers them with
 * (reference §6.1, from Meta's older status table) and Meta's title.
 */
public enum GraphError {
    AUTH_EXCEPTION(0, 401, "AuthException"),
    SERVICE_UNAVAILABLE(2, 503, "Service temporarily unavailable"),
    INVALID_PARAMETER(100, 400, "Invalid parameter"),
    INVALID_ACCESS_TOKEN(190, 401, "Invalid OAuth access token - Cannot parse access token"),
    THROUGHPUT_LIMIT(130429, 400, "Rate limit hit"),
    MISSING_PARAMETER(131008, 400, "Required parameter is missing"),
    INVALID_PARAMETER_VALUE(131009, 400, "Parameter value is not valid"),
    RECIPIENT_IS_SENDER(131021, 400, "Recipient cannot be sender"),
    UNDELIVERABLE(131026, 400, "Message Undeliverable"),
    RE_ENGAGEMENT(131047, 400, "Re-engagement message"),
    UNSUPPORTED_MESSAGE_TYPE(131051, 400, "Unsupported message type"),
    MEDIA_UPLOAD_ERROR(131053, 400, "Media upload error"),
    PAIR_RATE_LIMIT(131056, 400, "(Business Account, Consumer Account) pair rate limit hit"),
    TEMPLATE_PARAMETER_COUNT(132000, 400, "Number of parameters does not match the expected number of params"),
    TEMPLATE_NOT_FOUND(132001, 404, "Template name does not exist in the translation"),
    TEMPLATE_TEXT_TOO_LONG(132005, 400, "Translated text too long"),
    TEMPLATE_PARAMETER_FORMAT(132012, 400, "Parameter format does not match format in the created template"),
    NOT_REGISTERED(133010, 400, "Account not registered");

    private final int code;
    private final int httpStatus;
    private final String title;

    GraphError(int code, int httpStatus, String title) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.title = title;
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String title() {
        return title;
    }

    /** Meta's {@code error.message}: {@code "(#<code>) <title>"}. */
    public String message() {
        return "(#" + code + ") " + title;
    }
}
