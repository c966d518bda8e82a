package co.wpfoods.simulator.cloudapi.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * The simulated phones and every message between them and the business, with the latest
 * status of each. {@link #version()} grows on every change so the chat page can poll cheaply.
 */
public final class Conversations {

    public record Phone(String waId, String name, String role) {}

    public enum Direction {
        /** Sent by the business (Graph API) to the user. */
        TO_USER,
        /** Sent by the user (chat page or REST) to the business. */
        FROM_USER
    }

    public record ChatMessage(
            String id,
            String waId,
            Direction direction,
            String type,
            JsonNode content,
            TemplateValidator.RenderedTemplate template,
            String contextId,
            String callbackData,
            long timestamp,
            String status,
            String error) {

        ChatMessage withStatus(String newStatus, String newError) {
            return new ChatMessage(
                    id,
                    waId,
                    direction,
                    type,
                    content,
                    template,
                    contextId,
                    callbackData,
                    timestamp,
                    newStatus,
                    newError);
        }
    }

    private static final List<String> RANK = List.of("accepted", "sent", "delivered", "read", "played");

    private final Map<String, Phone> phones = new LinkedHashMap<>();
    private final Map<String, ChatMessage> messages = new ConcurrentHashMap<>();
    private final Map<String, List<String>> idsByPhone = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Long> order = new ConcurrentHashMap<>();

    public synchronized Phone savePhone(String waId, String name, String role) {
        Phone phone = new Phone(waId, name, role);
        phones.put(waId, phone);
        version.incrementAndGet();
        return phone;
    }

    /** A phone the business writes to without it being created first (Meta delivers to any number). */
    public synchronized Phone ensurePhone(String waId) {
        Phone existing = phones.get(waId);
        return existing != null ? existing : savePhone(waId, "+" + waId, "customer");
    }

    public synchronized Optional<Phone> phone(String waId) {
        return Optional.ofNullable(phones.get(waId));
    }

    public synchronized List<Phone> phones() {
        return List.copyOf(phones.values());
    }

    public synchronized boolean removePhone(String waId) {
        boolean removed = phones.remove(waId) != null;
        List<String> ids = idsByPhone.remove(waId);
        if (ids != null) {
            ids.forEach(messages::remove);
        }
        version.incrementAndGet();
        return removed;
    }

    public void add(ChatMessage message) {
        messages.put(message.id(), message);
        order.put(message.id(), sequence.incrementAndGet());
        idsByPhone
                .computeIfAbsent(message.waId(), key -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(message.id());
        version.incrementAndGet();
    }

    public Optional<ChatMessage> find(String id) {
        return Optional.ofNullable(messages.get(id));
    }

    /** Moves a message's status forward (never back); {@code failed} is final. */
    public Optional<ChatMessage> advance(String id, String status, String error) {
        ChatMessage updated = messages.computeIfPresent(id, (key, message) -> {
            if ("failed".equals(message.status())) {
                return message;
            }
            if (!"failed".equals(status) && RANK.indexOf(status) <= RANK.indexOf(message.status())) {
                return message;
            }
            return message.withStatus(status, error);
        });
        version.incrementAndGet();
        return Optional.ofNullable(updated);
    }

    public List<ChatMessage> messages(String waId) {
        List<String> ids = idsByPhone.get(waId);
        if (ids == null) {
            return List.of();
        }
        List<ChatMessage> list;
        synchronized (ids) {
            list = ids.stream()
                    .map(messages::get)
                    .filter(java.util.Objects::nonNull)
                    .toList();
        }
        return list.stream()
                .sorted(Comparator.comparingLong(message -> order.getOrDefault(message.id(), 0L)))
                .toList();
    }

    /** The newest message the business sent to this user that matches. */
    public Optional<ChatMessage> latestToUser(String waId, Predicate<ChatMessage> matching) {
        List<ChatMessage> list = messages(waId);
        for (int i = list.size() - 1; i >= 0; i--) {
            ChatMessage message = list.get(i);
            if (message.direction() == Direction.TO_USER && matching.test(message)) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    /** Mark-as-read by the business: this user message and the earlier ones of the thread. */
    public boolean businessRead(String messageId) {
        ChatMessage target = messages.get(messageId);
        if (target == null || target.direction() != Direction.FROM_USER) {
            return false;
        }
        for (ChatMessage message : messages(target.waId())) {
            if (message.direction() == Direction.FROM_USER) {
                advance(message.id(), "read", null);
            }
            if (message.id().equals(messageId)) {
                break;
            }
        }
        return true;
    }

    public Collection<ChatMessage> all() {
        return messages.values();
    }

    public long version() {
        return version.get();
    }

    public synchronized void clear() {
        phones.clear();
        messages.clear();
        idsByPhone.clear();
        order.clear();
        version.incrementAndGet();
    }
}
