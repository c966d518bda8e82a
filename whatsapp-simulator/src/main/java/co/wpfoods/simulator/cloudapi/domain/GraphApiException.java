package co.wpfoods.simulator.cloudapi.domain;

/** A synchronous Graph API failure: becomes Meta's error envelope with {@link GraphError}'s HTTP status. */
public class GraphApiException extends RuntimeException {

    private final GraphError error;
    private final String details;

    public GraphApiException(GraphError error, String details) {
        super(error.message() + ": " + details);
        this.error = error;
        this.details = details;
    }

    public GraphError error() {
        return error;
    }

    public String details() {
        return details;
    }
}
