package co.wpfoods.logging.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The W3C trace context ({@code traceparent}) at the edges Micrometer's own instrumentation does not cover: an HTTP
 * request taken by hand (the webhook servlet, the gateway's webhook filter), a Kafka record produced without a
 * template (the webhook's publisher, the outbox relay), an outbox row. Spans are Micrometer Tracing's (OpenTelemetry
 * underneath); with no tracer (a plain test) every method is a no-op that returns null.
 */
public final class Traces {

    /** The header (HTTP and Kafka) and outbox column name. */
    public static final String TRACEPARENT = "traceparent";

    private static final Traces NONE = new Traces(null, null);

    private final Tracer tracer;
    private final Propagator propagator;

    private Traces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    public static Traces of(Tracer tracer, Propagator propagator) {
        return tracer == null || propagator == null ? NONE : new Traces(tracer, propagator);
    }

    /** Traces that never start a span and know no current one. */
    public static Traces none() {
        return NONE;
    }

    /** The {@code traceparent} of the span in scope on this thread, or null when there is none. */
    public String currentTraceparent() {
        if (tracer == null) {
            return null;
        }
        Span span = tracer.currentSpan();
        return span == null ? null : traceparentOf(span);
    }

    /**
     * Starts a span named {@code name} as a child of {@code traceparent} (a new trace when it is null or not a valid
     * W3C header), runs {@code work} with it in scope and ends it.
     */
    public <T> T continuing(String traceparent, String name, Supplier<T> work) {
        if (tracer == null) {
            return work.get();
        }
        Span span = start(traceparent, name);
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** Starts (without putting it in scope) a span continuing {@code traceparent}; the caller ends it. */
    public Span start(String traceparent, String name) {
        Map<String, String> carrier = new HashMap<>();
        if (traceparent != null && !traceparent.isBlank()) {
            carrier.put(TRACEPARENT, traceparent.strip());
        }
        return propagator.extract(carrier, Map::get).name(name).start();
    }

    /** The {@code traceparent} header value of a span. */
    public String traceparentOf(Span span) {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** Whether a tracer is behind this (false in tests without Spring's tracing). */
    public boolean isTracing() {
        return tracer != null;
    }
}
