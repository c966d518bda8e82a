package co.wpfoods.schemas;

/** Kafka record header names every WPFoods record carries. Values are UTF-8 strings. */
public final class Headers {

    private Headers() {}

    /** UUID; the idempotency key of the record. */
    public static final String EVENT_ID = "event-id";
    /** The Avro record's simple name, e.g. {@code OrderPlaced}. */
    public static final String EVENT_TYPE = "event-type";
    /** ISO-8601 instant. */
    public static final String OCCURRED_AT = "occurred-at";
    /** The order or conversation the record belongs to. */
    public static final String CORRELATION_ID = "correlation-id";
    /** W3C trace context. */
    public static final String TRACEPARENT = "traceparent";
}
