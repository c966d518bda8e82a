package co.wpfoods.dispatch.delivery.application;

import co.wpfoods.dispatch.delivery.application.WorkerRoster.FreeWorkerRow;
import co.wpfoods.dispatch.delivery.domain.DispatchOrder;
import co.wpfoods.dispatch.delivery.domain.EarningsPolicy;
import co.wpfoods.dispatch.delivery.domain.Offer;
import co.wpfoods.dispatch.matching.domain.Assignment;
import co.wpfoods.dispatch.matching.domain.CostModel;
import co.wpfoods.dispatch.matching.domain.FreeWorker;
import co.wpfoods.dispatch.matching.domain.PoolOrder;
import co.wpfoods.dispatch.matching.domain.solver.BatchSolver;
import co.wpfoods.schemas.dispatch.DeliveryFailureReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One batch window: every zone's pool solved jointly against the free workers, offers sent with their expiry timers;
 * orders that waited too long are reported delayed (ops alerted) and, by policy, given up.
 */
@Service
public class MatchingOrders {

    private static final Logger log = LoggerFactory.getLogger(MatchingOrders.class);

    private final DispatchOrders dispatchOrders;
    private final WorkerRoster roster;
    private final OfferBook offerBook;
    private final OpsDesk opsDesk;
    private final DeliveryEvents events;
    private final WorkerMessages messages;
    private final OfferTimers timers;
    private final DispatchSettings settings;
    private final DispatchClock clock;
    private final BatchSolver solver;
    private final EarningsPolicy earnings;

    MatchingOrders(
            DispatchOrders dispatchOrders,
            WorkerRoster roster,
            OfferBook offerBook,
            OpsDesk opsDesk,
            DeliveryEvents events,
            WorkerMessages messages,
            OfferTimers timers,
            DispatchSettings settings,
            DispatchClock clock) {
        this.dispatchOrders = dispatchOrders;
        this.roster = roster;
        this.offerBook = offerBook;
        this.opsDesk = opsDesk;
        this.events = events;
        this.messages = messages;
        this.timers = timers;
        this.settings = settings;
        this.clock = clock;
        this.solver =
                new BatchSolver(new CostModel(settings.latePenaltyMetersPerSecond()), settings.candidatesPerOrder());
        this.earnings = settings.earnings();
    }

    /** Solves every pool once; returns the offers sent. */
    @Transactional
    public int solvePools() {
        Instant now = clock.now();
        List<DispatchOrder> pool = new ArrayList<>();
        for (DispatchOrder order : dispatchOrders.lockPool()) {
            if (!givenUp(order, now)) {
                pool.add(order);
            }
        }
        if (pool.isEmpty()) {
            return 0;
        }
        List<FreeWorkerRow> free =
                roster.freeWorkers(now.minus(settings.locationStaleAfter()), settings.maxActiveDeliveries());
        Map<String, Set<String>> offeredBefore = offerBook.offeredBefore(
                pool.stream().map(DispatchOrder::orderId).toList());
        Map<String, List<DispatchOrder>> byZone = pool.stream()
                .filter(order -> order.pickupPoint() != null)
                .collect(Collectors.groupingBy(
                        o -> Objects.toString(o.zone(), ""), LinkedHashMap::new, Collectors.toList()));
        Set<String> busy = new HashSet<>();
        int sent = 0;
        for (Map.Entry<String, List<DispatchOrder>> zone : byZone.entrySet()) {
            List<FreeWorker> workers = free.stream()
                    .filter(w -> !busy.contains(w.workerId()))
                    .filter(w -> w.zone() == null
                            || zone.getKey().isEmpty()
                            || w.zone().equals(zone.getKey()))
                    .map(w -> new FreeWorker(w.workerId(), w.location(), w.vehicle()))
                    .toList();
            if (workers.isEmpty()) {
                continue;
            }
            List<PoolOrder> orders = zone.getValue().stream()
                    .map(o -> new PoolOrder(
                            o.orderId(),
                            o.pickupPoint(),
                            o.readyAt(now),
                            offeredBefore.getOrDefault(o.orderId(), Set.of())))
                    .toList();
            Map<String, DispatchOrder> byId =
                    zone.getValue().stream().collect(Collectors.toMap(DispatchOrder::orderId, Function.identity()));
            for (Assignment assignment : solver.solve(orders, workers, now)) {
                busy.add(assignment.workerId());
                offer(byId.get(assignment.orderId()), assignment, now);
                sent++;
            }
        }
        return sent;
    }

    private void offer(DispatchOrder order, Assignment assignment, Instant now) {
        long pay = earnings.quote(order.tripMeters(), now, opsDesk.raining(order.zone()))
                .totalCop();
        Offer offer = new Offer(
                "of-" + UUID.randomUUID(),
                order.orderId(),
                assignment.workerId(),
                now,
                now.plus(settings.offerTtl()),
                assignment.distanceMeters(),
                pay,
                Offer.Answer.PENDING);
        offerBook.addOffer(offer);
        dispatchOrders.setStatus(order.orderId(), DispatchOrder.Status.OFFERED);
        events.offerSent(offer, now);
        timers.expireAt(offer.offerId(), offer.expiresAt());
        roster.worker(assignment.workerId()).ifPresent(worker -> messages.offer(worker, offer, order, now));
        log.info(
                "offered order {} to worker {} at {} m",
                order.orderId(),
                assignment.workerId(),
                assignment.distanceMeters());
    }

    /** Reports a long wait once; gives the order up after fail-after when the policy says so. */
    private boolean givenUp(DispatchOrder order, Instant now) {
        Duration waiting = Duration.between(order.pooledAt(), now);
        if (settings.noWorkerPolicy() == DispatchSettings.NoWorkerPolicy.CANCEL
                && waiting.compareTo(settings.failAfter()) >= 0) {
            dispatchOrders.setStatus(order.orderId(), DispatchOrder.Status.FAILED);
            events.failed(
                    order.orderId(),
                    null,
                    DeliveryFailureReason.NO_WORKER,
                    "no rapitendero took it in " + waiting.toMinutes() + " min",
                    now);
            opsDesk.alert(
                    "NO_WORKER_FAILED", order.orderId(), null, "given up after " + waiting.toSeconds() + " s", now);
            return true;
        }
        if (!order.delayReported() && waiting.compareTo(settings.delayedAfter()) >= 0) {
            dispatchOrders.markDelayReported(order.orderId());
            events.delayed(order, (int) waiting.toSeconds(), now);
            opsDesk.alert("NO_WORKER_DELAYED", order.orderId(), null, "waiting " + waiting.toSeconds() + " s", now);
        }
        return false;
    }
}
