package co.wpfoods.webhook.application;

import co.wpfoods.schemas.wa.InboundMessage;
import co.wpfoods.schemas.wa.Role;
import co.wpfoods.webhook.application.InboundLedger.Assignment;
import co.wpfoods.webhook.application.InboundLedger.Claim;
import co.wpfoods.webhook.application.InboundLedger.ClaimRequest;
import co.wpfoods.webhook.domain.DedupKey;
import co.wpfoods.webhook.domain.InboundLimits;
import co.wpfoods.webhook.domain.LimitPeriod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receiving one webhook POST: archive it, claim each event (dedup), decide where new events go and whether they are
 * over their sender's limit, publish what was never acknowledged, and answer only when Kafka acknowledged all of it.
 *
 * <p>All of it runs in one database transaction that holds the claimed rows locked while Kafka acknowledges, so a
 * concurrent duplicate waits and then finds them published. Rows are committed even when Kafka did not acknowledge
 * everything: what was acknowledged is marked published and is not sent again by Meta's retry; the rest is.
 */
public final class ReceivingWebhook {

    private static final Logger log = LoggerFactory.getLogger(ReceivingWebhook.class);

    public enum Outcome {
        /** Every record is on Kafka (now or from an earlier delivery): answer 200. */
        ACCEPTED,
        /** Some record is not on Kafka: answer 503 so Meta retries. */
        UNAVAILABLE
    }

    public record Settings(Duration ackTimeout, Routing routing, InboundLimits limits, boolean limitsEnabled) {}

    private final InboundLedger ledger;
    private final RoleDirectory roles;
    private final LimitLedger limitLedger;
    private final LimitNotices notices;
    private final RecordPublisher publisher;
    private final WebhookMetrics metrics;
    private final TransactionTemplate transaction;
    private final Settings settings;

    public ReceivingWebhook(
            InboundLedger ledger,
            RoleDirectory roles,
            LimitLedger limitLedger,
            LimitNotices notices,
            RecordPublisher publisher,
            WebhookMetrics metrics,
            TransactionTemplate transaction,
            Settings settings) {
        this.ledger = ledger;
        this.roles = roles;
        this.limitLedger = limitLedger;
        this.notices = notices;
        this.publisher = publisher;
        this.metrics = metrics;
        this.transaction = transaction;
        this.settings = settings;
    }

    public Outcome receive(ParsedWebhook parsed, RawWebhook raw) {
        long started = System.nanoTime();
        Instant deadline = Instant.now().plus(settings.ackTimeout());
        Outcome outcome;
        try {
            outcome = transaction.execute(status -> receiveInTransaction(parsed, raw, deadline));
        } catch (DataAccessException | TransactionException e) {
            log.warn("Database unavailable while receiving a webhook: answering 503 ({})", e.getMessage());
            metrics.unavailable("database");
            outcome = Outcome.UNAVAILABLE;
        }
        metrics.ackLatency(
                Duration.ofNanos(System.nanoTime() - started), outcome.name().toLowerCase());
        return outcome;
    }

    private Outcome receiveInTransaction(ParsedWebhook parsed, RawWebhook raw, Instant deadline) {
        ledger.archive(raw, parsed.items().size());
        if (!parsed.otherFields().isEmpty()) {
            metrics.ignored("other_field", parsed.otherFields().size());
        }
        if (parsed.valueErrors() > 0) {
            log.warn(
                    "Webhook carried {} account-level error(s) (archived as {})",
                    parsed.valueErrors(),
                    raw.requestId());
            metrics.ignored("value_error", parsed.valueErrors());
        }
        if (parsed.skippedItems() > 0) {
            metrics.ignored("non_object_item", parsed.skippedItems());
        }
        List<ParsedItem> items = distinctByKey(parsed.items());
        if (items.isEmpty()) {
            return Outcome.ACCEPTED;
        }
        Map<DedupKey, Claim> claims = ledger.claim(items.stream()
                .sorted(Comparator.comparing(item -> item.dedupKey().value()))
                .map(item -> new ClaimRequest(item.dedupKey(), item.dedupKey().eventId(), kindOf(item)))
                .toList());

        Map<DedupKey, Assignment> fresh = assignFirstSeen(items, claims, raw.receivedAt());

        Map<DedupKey, OutgoingRecord> pending = new LinkedHashMap<>();
        Map<DedupKey, ParsedItem> sent = new HashMap<>();
        for (ParsedItem item : items) {
            Claim claim = claims.get(item.dedupKey());
            if (claim.published()) {
                metrics.duplicate(kindOf(item));
                continue;
            }
            Assignment assignment =
                    fresh.containsKey(item.dedupKey()) ? fresh.get(item.dedupKey()) : claim.assignment();
            pending.put(item.dedupKey(), outgoing(item, assignment, raw));
            sent.put(item.dedupKey(), item);
        }
        Map<DedupKey, CompletableFuture<Object>> sends = sendInOrder(pending, deadline);

        List<DedupKey> acknowledged = awaitAcknowledgements(sends, deadline);
        ledger.settle(fresh, acknowledged);
        for (DedupKey key : acknowledged) {
            ParsedItem item = sent.get(key);
            Assignment assignment =
                    fresh.containsKey(key) ? fresh.get(key) : claims.get(key).assignment();
            metrics.published(kindOf(item), typeOf(item), roleOf(assignment));
        }
        if (acknowledged.size() < sends.size()) {
            publisher.abandonUnacknowledged();
            log.warn(
                    "Kafka acknowledged {} of {} records in time: answering 503 so Meta retries",
                    acknowledged.size(),
                    sends.size());
            metrics.unavailable("kafka");
            return Outcome.UNAVAILABLE;
        }
        return Outcome.ACCEPTED;
    }

    /** Topic and limit flag of every event seen for the first time. */
    private Map<DedupKey, Assignment> assignFirstSeen(
            List<ParsedItem> items, Map<DedupKey, Claim> claims, Instant receivedAt) {
        List<ParsedItem.Message> newMessages = new ArrayList<>();
        Map<DedupKey, Assignment> assignments = new LinkedHashMap<>();
        for (ParsedItem item : items) {
            if (!claims.get(item.dedupKey()).firstSeen()) {
                continue;
            }
            switch (item) {
                case ParsedItem.Status status ->
                    assignments.put(
                            status.dedupKey(), new Assignment(settings.routing().statusTopic(), null, false));
                case ParsedItem.Message message -> newMessages.add(message);
            }
        }
        if (newMessages.isEmpty()) {
            return assignments;
        }
        Map<String, Role> known = roles.rolesOf(newMessages.stream()
                .map(m -> m.party().waId())
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList());
        Map<DedupKey, Boolean> overLimit = judgeLimits(newMessages, receivedAt);
        for (ParsedItem.Message message : newMessages) {
            Role role = message.party().waId() == null
                    ? Role.CUSTOMER
                    : known.getOrDefault(message.party().waId(), Role.CUSTOMER);
            boolean limited = overLimit.getOrDefault(message.dedupKey(), false);
            if (limited) {
                metrics.rateLimited();
            }
            assignments.put(
                    message.dedupKey(),
                    new Assignment(settings.routing().topicOf(message.record(), role), role, limited));
        }
        return assignments;
    }

    /** Counts new messages per sender and flags those over a limit; sends one notice per overflowed window. */
    private Map<DedupKey, Boolean> judgeLimits(List<ParsedItem.Message> messages, Instant at) {
        Map<DedupKey, Boolean> over = new HashMap<>();
        if (!settings.limitsEnabled()) {
            return over;
        }
        Map<String, List<ParsedItem.Message>> bySender = new LinkedHashMap<>();
        for (ParsedItem.Message message : messages) {
            if (message.party().isKnown()) {
                bySender.computeIfAbsent(message.party().key(), k -> new ArrayList<>())
                        .add(message);
            }
        }
        bySender.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            String sender = entry.getKey();
            List<ParsedItem.Message> sent = entry.getValue();
            Map<LimitPeriod, LimitLedger.Usage> usage = limitLedger.count(sender, at, sent.size());
            Map<LimitPeriod, Long> used = new HashMap<>();
            usage.forEach((period, u) -> used.put(period, u.used()));
            InboundLimits.Verdict verdict = settings.limits().judge(used, sent.size());
            for (int i = 0; i < sent.size(); i++) {
                over.put(sent.get(i).dedupKey(), verdict.isOver(i));
            }
            List<LimitPeriod> unnotified = verdict.exceeded().entrySet().stream()
                    .filter(Map.Entry::getValue)
                    .map(Map.Entry::getKey)
                    .filter(period -> !usage.get(period).notified())
                    .toList();
            if (!unnotified.isEmpty()) {
                LimitPeriod widest = unnotified.getLast();
                notices.notifyOverLimit(sender, sent.getFirst().record().getFrom(), widest, widest.windowStart(at));
                limitLedger.markNotified(sender, at, unnotified);
                metrics.limitNotice();
            }
        });
        return over;
    }

    /**
     * Sends on a thread of its own, in delivery order (per-user order holds within a POST), so that a send blocked
     * on missing metadata cannot hold the answer past the deadline; what is not sent by then is not sent at all.
     */
    private Map<DedupKey, CompletableFuture<Object>> sendInOrder(
            Map<DedupKey, OutgoingRecord> pending, Instant deadline) {
        Map<DedupKey, CompletableFuture<Object>> sends = new LinkedHashMap<>();
        pending.keySet().forEach(key -> sends.put(key, new CompletableFuture<>()));
        if (pending.isEmpty()) {
            return sends;
        }
        Thread.ofVirtual()
                .name("webhook-send")
                .start(() -> pending.forEach((key, record) -> {
                    CompletableFuture<Object> acknowledged = sends.get(key);
                    if (Instant.now().isAfter(deadline)) {
                        acknowledged.completeExceptionally(new TimeoutException("not sent: past the ack deadline"));
                        return;
                    }
                    publisher.publish(record).whenComplete((ok, error) -> {
                        if (error != null) {
                            acknowledged.completeExceptionally(error);
                        } else {
                            acknowledged.complete(ok);
                        }
                    });
                }));
        return sends;
    }

    private List<DedupKey> awaitAcknowledgements(
            Map<DedupKey, ? extends CompletableFuture<?>> sends, Instant deadline) {
        try {
            long remaining =
                    Math.max(0, Duration.between(Instant.now(), deadline).toNanos());
            CompletableFuture.allOf(sends.values().toArray(CompletableFuture[]::new))
                    .get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // some records failed or are late; the ones that did complete are sorted out below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<DedupKey> acknowledged = new ArrayList<>();
        sends.forEach((key, future) -> {
            if (future.isDone() && !future.isCompletedExceptionally()) {
                acknowledged.add(key);
            }
        });
        return acknowledged;
    }

    private OutgoingRecord outgoing(ParsedItem item, Assignment assignment, RawWebhook raw) {
        String key = item.party().key();
        var value = switch (item) {
            case ParsedItem.Message message -> withRouting(message.record(), assignment);
            case ParsedItem.Status status -> status.record();
        };
        return new OutgoingRecord(
                assignment.topic(),
                key,
                value,
                item.dedupKey().eventId(),
                item.occurredAt(),
                "conversation:" + key,
                raw.traceparent());
    }

    private static InboundMessage withRouting(InboundMessage record, Assignment assignment) {
        return InboundMessage.newBuilder(record)
                .setRole(assignment.role() == null ? Role.CUSTOMER : assignment.role())
                .setRateLimited(assignment.rateLimited())
                .build();
    }

    private static List<ParsedItem> distinctByKey(List<ParsedItem> items) {
        Map<DedupKey, ParsedItem> first = new LinkedHashMap<>();
        for (ParsedItem item : items) {
            first.putIfAbsent(item.dedupKey(), item);
        }
        return List.copyOf(first.values());
    }

    private static String kindOf(ParsedItem item) {
        return item instanceof ParsedItem.Message ? "message" : "status";
    }

    private static String typeOf(ParsedItem item) {
        return switch (item) {
            case ParsedItem.Message message -> message.record().getType().name().toLowerCase();
            case ParsedItem.Status status -> status.record().getStatus().name().toLowerCase();
        };
    }

    private static String roleOf(Assignment assignment) {
        return assignment == null || assignment.role() == null
                ? "none"
                : assignment.role().name().toLowerCase();
    }
}
