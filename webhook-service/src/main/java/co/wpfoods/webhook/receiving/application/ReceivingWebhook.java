package co.wpfoods.webhook.receiving.application;

import co.wpfoods.eventing.batch.GroupCommit;
import co.wpfoods.schemas.wa.InboundMessage;
import co.wpfoods.schemas.wa.Role;
import co.wpfoods.webhook.receiving.application.InboundLedger.Assignment;
import co.wpfoods.webhook.receiving.application.InboundLedger.Claim;
import co.wpfoods.webhook.receiving.application.InboundLedger.ClaimRequest;
import co.wpfoods.webhook.receiving.domain.DedupKey;
import co.wpfoods.webhook.receiving.domain.InboundLimits;
import co.wpfoods.webhook.receiving.domain.LimitPeriod;
import co.wpfoods.webhook.roles.application.RoleDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Receiving webhook POSTs: archive each, claim each event (dedup), decide where new events go and whether they are
 * over their sender's limit, publish what was never acknowledged, and answer each POST only when Kafka acknowledged
 * all of its records.
 *
 * <p>POSTs that arrive together are received together (group commit): a few workers each take every POST waiting
 * (up to {@code maxBatch}) and handle them in one database transaction, with one statement per step for the whole
 * batch and one round of Kafka sends. The transaction holds the claimed rows locked while Kafka acknowledges, so a
 * concurrent duplicate in another batch (or on another replica) waits and then finds them published; an event
 * carried by two POSTs of the same batch is claimed and sent once, and both POSTs wait for it. Rows are committed
 * even when Kafka did not acknowledge everything: what was acknowledged is marked published and is not sent again by
 * Meta's retry; the rest is. Each POST gets its own answer: 200 when every one of its records is on Kafka, else 503.
 */
public final class ReceivingWebhook implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReceivingWebhook.class);

    /** How long past its deadline a POST still waits for its batch before giving up with 503. */
    private static final Duration GRACE = Duration.ofSeconds(1);

    public enum Outcome {
        /** Every record is on Kafka (now or from an earlier delivery): answer 200. */
        ACCEPTED,
        /** Some record is not on Kafka: answer 503 so Meta retries. */
        UNAVAILABLE
    }

    /**
     * @param batchWorkers batches handled at the same time (each holds one database connection meanwhile)
     * @param maxBatch most POSTs in one batch
     */
    public record Settings(
            Duration ackTimeout,
            Routing routing,
            InboundLimits limits,
            boolean limitsEnabled,
            int batchWorkers,
            int maxBatch) {}

    /** One POST waiting for its batch. */
    private record Delivery(ParsedWebhook parsed, RawWebhook raw, Instant deadline, CompletableFuture<Outcome> future) {

        void answer(Outcome outcome) {
            future.complete(outcome);
        }
    }

    private final InboundLedger ledger;
    private final RoleDirectory roles;
    private final LimitLedger limitLedger;
    private final LimitNotices notices;
    private final RecordPublisher publisher;
    private final WebhookMetrics metrics;
    private final TransactionTemplate transaction;
    private final Settings settings;
    private final GroupCommit<Delivery> batches;

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
        this.batches = new GroupCommit<>(
                "webhook-batch",
                settings.batchWorkers(),
                settings.maxBatch(),
                this::receiveBatch,
                delivery -> delivery.answer(Outcome.UNAVAILABLE));
    }

    /** Blocks until the POST's batch is done (or its deadline and a grace period passed). */
    public Outcome receive(ParsedWebhook parsed, RawWebhook raw) {
        long started = System.nanoTime();
        Instant deadline = Instant.now().plus(settings.ackTimeout());
        Delivery delivery = new Delivery(parsed, raw, deadline, new CompletableFuture<>());
        batches.submit(delivery);
        Outcome outcome;
        try {
            long wait = Duration.between(Instant.now(), deadline.plus(GRACE)).toNanos();
            outcome = delivery.future().get(Math.max(0, wait), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            log.warn("Webhook not received within its deadline: answering 503");
            metrics.unavailable("timeout");
            outcome = Outcome.UNAVAILABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = Outcome.UNAVAILABLE;
        }
        metrics.ackLatency(
                Duration.ofNanos(System.nanoTime() - started), outcome.name().toLowerCase());
        return outcome;
    }

    @Override
    public void close() {
        batches.close();
    }

    /** Progress of one batch's transaction, to tell whether a failure happened before anything was sent. */
    private static final class Attempt {
        boolean sent;
    }

    private void receiveBatch(List<Delivery> batch) {
        List<Delivery> live = new ArrayList<>(batch.size());
        Instant now = Instant.now();
        for (Delivery delivery : batch) {
            if (now.isAfter(delivery.deadline())) {
                metrics.unavailable("timeout");
                delivery.answer(Outcome.UNAVAILABLE);
            } else {
                live.add(delivery);
            }
        }
        if (live.isEmpty()) {
            return;
        }
        Attempt attempt = new Attempt();
        try {
            Map<Delivery, Outcome> outcomes = transaction.execute(status -> receiveInTransaction(live, attempt));
            live.forEach(delivery -> delivery.answer(outcomes.getOrDefault(delivery, Outcome.UNAVAILABLE)));
        } catch (DataAccessException | TransactionException e) {
            if (live.size() > 1 && !attempt.sent) {
                // nothing reached Kafka: try each POST alone, so one that the database refuses does not take the
                // others of its batch down with it (Meta would retry them together, again and again)
                log.info(
                        "Batch of {} webhooks failed before publishing ({}); receiving each alone",
                        live.size(),
                        e.getMessage());
                live.forEach(delivery -> receiveBatch(List.of(delivery)));
                return;
            }
            log.warn("Database unavailable while receiving a webhook: answering 503 ({})", e.getMessage());
            live.forEach(delivery -> {
                metrics.unavailable("database");
                delivery.answer(Outcome.UNAVAILABLE);
            });
        } catch (RuntimeException e) {
            log.error("Receiving a batch of {} webhooks failed: answering 503", live.size(), e);
            live.forEach(delivery -> delivery.answer(Outcome.UNAVAILABLE));
        }
    }

    /** Who a POST is about: every item's party, by number and by Meta user id. */
    static Set<String> parties(ParsedWebhook parsed) {
        Set<String> parties = new HashSet<>();
        for (ParsedItem item : parsed.items()) {
            if (item.party().waId() != null) {
                parties.add(item.party().waId());
            }
            if (item.party().userId() != null) {
                parties.add(item.party().userId());
            }
        }
        return parties;
    }

    private Map<Delivery, Outcome> receiveInTransaction(List<Delivery> batch, Attempt attempt) {
        ledger.archive(batch.stream()
                .map(d -> new InboundLedger.Archived(d.raw(), d.parsed().items().size(), parties(d.parsed())))
                .toList());
        Instant deadline = batch.getFirst().deadline();
        // one event per key for the whole batch, in delivery order; the POST that carried it first lends its headers
        Map<DedupKey, ParsedItem> items = new LinkedHashMap<>();
        Map<DedupKey, RawWebhook> carriedBy = new HashMap<>();
        Map<DedupKey, Integer> deliveries = new HashMap<>();
        for (Delivery delivery : batch) {
            countIgnored(delivery);
            if (delivery.deadline().isBefore(deadline)) {
                deadline = delivery.deadline();
            }
            Set<DedupKey> inThisPost = new HashSet<>();
            for (ParsedItem item : delivery.parsed().items()) {
                if (!inThisPost.add(item.dedupKey())) {
                    continue; // repeated inside one POST: one event
                }
                if (items.putIfAbsent(item.dedupKey(), item) == null) {
                    carriedBy.put(item.dedupKey(), delivery.raw());
                    deliveries.put(item.dedupKey(), 1);
                } else {
                    // the same event in another POST of this batch
                    metrics.duplicate(kindOf(item));
                    deliveries.merge(item.dedupKey(), 1, Integer::sum);
                }
            }
        }
        Map<Delivery, Outcome> outcomes = new IdentityHashMap<>();
        if (items.isEmpty()) {
            batch.forEach(delivery -> outcomes.put(delivery, Outcome.ACCEPTED));
            return outcomes;
        }
        Map<DedupKey, Claim> claims = ledger.claim(items.values().stream()
                .sorted(Comparator.comparing(item -> item.dedupKey().value()))
                .map(item -> new ClaimRequest(
                        item.dedupKey(), item.dedupKey().eventId(), kindOf(item), deliveries.get(item.dedupKey())))
                .toList());

        Map<DedupKey, Assignment> fresh = assignFirstSeen(
                List.copyOf(items.values()), claims, batch.getFirst().raw().receivedAt());

        Map<DedupKey, OutgoingRecord> pending = new LinkedHashMap<>();
        for (ParsedItem item : items.values()) {
            Claim claim = claims.get(item.dedupKey());
            if (claim.published()) {
                metrics.duplicate(kindOf(item));
                continue;
            }
            Assignment assignment =
                    fresh.containsKey(item.dedupKey()) ? fresh.get(item.dedupKey()) : claim.assignment();
            pending.put(item.dedupKey(), outgoing(item, assignment, carriedBy.get(item.dedupKey())));
        }
        attempt.sent = !pending.isEmpty();
        Map<DedupKey, CompletableFuture<Object>> sends = sendInOrder(pending, deadline);

        List<DedupKey> acknowledged = awaitAcknowledgements(sends, deadline);
        ledger.settle(fresh, acknowledged);
        for (DedupKey key : acknowledged) {
            ParsedItem item = items.get(key);
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
        }
        Set<DedupKey> onKafka = new HashSet<>(acknowledged);
        claims.forEach((key, claim) -> {
            if (claim.published()) {
                onKafka.add(key);
            }
        });
        for (Delivery delivery : batch) {
            boolean all = delivery.parsed().items().stream().allMatch(item -> onKafka.contains(item.dedupKey()));
            if (!all) {
                metrics.unavailable("kafka");
            }
            outcomes.put(delivery, all ? Outcome.ACCEPTED : Outcome.UNAVAILABLE);
        }
        return outcomes;
    }

    private void countIgnored(Delivery delivery) {
        ParsedWebhook parsed = delivery.parsed();
        if (!parsed.otherFields().isEmpty()) {
            metrics.ignored("other_field", parsed.otherFields().size());
        }
        if (parsed.valueErrors() > 0) {
            log.warn(
                    "Webhook carried {} account-level error(s) (archived as {})",
                    parsed.valueErrors(),
                    delivery.raw().requestId());
            metrics.ignored("value_error", parsed.valueErrors());
        }
        if (parsed.skippedItems() > 0) {
            metrics.ignored("non_object_item", parsed.skippedItems());
        }
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
        Map<String, Integer> counts = new LinkedHashMap<>();
        bySender.forEach((sender, sent) -> counts.put(sender, sent.size()));
        Map<String, Map<LimitPeriod, LimitLedger.Usage>> usageBySender = limitLedger.count(counts, at);
        bySender.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            String sender = entry.getKey();
            List<ParsedItem.Message> sent = entry.getValue();
            Map<LimitPeriod, LimitLedger.Usage> usage = usageBySender.get(sender);
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
