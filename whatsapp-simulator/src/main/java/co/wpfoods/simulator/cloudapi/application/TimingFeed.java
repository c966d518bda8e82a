package co.wpfoods.simulator.cloudapi.application;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The moments a load test needs, in epoch milliseconds of the simulator's clock, pushed as they happen (no polling,
 * so no polling error in a latency): a user's message was answered 200 by WPFoods' webhook, and a business message
 * was accepted by the Graph API. Meta's own payloads carry seconds; these are the simulator's internal record, never
 * part of a webhook or a Graph answer. Subscribers must not block: the simulator calls them on its request and
 * webhook threads.
 */
public final class TimingFeed {

    /** One moment. */
    public sealed interface Timing {}

    /** WPFoods' webhook answered 200 to the user's message {@code messageId} (the first 200, not a duplicate's). */
    public record InboundDelivered(String messageId, String waId, long deliveredAtMs) implements Timing {}

    /**
     * The Graph API accepted a message to {@code to} (digits): {@code receivedAtMs} is when its request arrived,
     * {@code messageId} the wamid it got, {@code body} the request as sent.
     */
    public record ReplyAccepted(String messageId, String to, long receivedAtMs, String body) implements Timing {}

    private final List<Consumer<Timing>> subscribers = new CopyOnWriteArrayList<>();

    /** Delivers every later timing to {@code subscriber} until the returned handle is closed. */
    public AutoCloseable subscribe(Consumer<Timing> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    public void publish(Timing timing) {
        for (Consumer<Timing> subscriber : subscribers) {
            subscriber.accept(timing);
        }
    }

    public int subscribers() {
        return subscribers.size();
    }
}
