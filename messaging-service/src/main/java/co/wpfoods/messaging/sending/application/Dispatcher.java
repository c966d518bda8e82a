package co.wpfoods.messaging.sending.application;

import co.wpfoods.messaging.sending.application.OutboundLog.Claimed;
import co.wpfoods.messaging.sending.application.SendingMessages.Send;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sending loop of one replica, in two stages so that the database round trips of one do not delay the other.
 *
 * <p>The <b>claimer</b> ({@code messaging-dispatcher}) claims recipients that have a message due (per-recipient queues
 * in the database: a recipient waiting out a backoff is simply not claimed, so it holds up nobody), decides what each
 * head message becomes and keeps the prepared sends ready for the pacer, claiming again when fewer than half a claim
 * batch are left.
 *
 * <p>The <b>pacer</b> ({@code messaging-pacer}) records {@code sending} for about one reservation's worth of ready
 * sends (one statement), reserves number-wide send slots for them and hands each send to a thread that waits for its
 * slot. A send whose thread wakes too late for its slot goes back to the front of the pacer's backlog and gets a slot
 * in its next reservation.
 *
 * <p>New commands and finished sends wake the claimer; otherwise it polls every {@code pollInterval}.
 */
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final OutboundLog outboundLog;
    private final SendingMessages sending;
    private final AcceptedSends acceptedSends;
    private final ThroughputLimiter limiter;
    private final TokenGate tokenGate;
    private final GraphApi graph;
    private final MessagingMetrics metrics;
    private final SendingSettings.Sender config;
    private final String owner;
    private final Duration reservationPause;
    private final int slotsPerReservation;
    private final Duration lateSlotTolerance;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Condition pacerWake = lock.newCondition();
    /** Sends claimed and prepared, not yet recorded {@code sending} (guarded by {@link #lock}). */
    private final Deque<Send> ready = new ArrayDeque<>();
    /** Sends recorded {@code sending} and waiting for a slot (guarded by {@link #lock}). */
    private final Deque<Send> backlog = new ArrayDeque<>();

    private boolean signalled;
    private boolean pacerStopped;
    /** The claimer waits for room (ready sends or in-flight limit): finished sends and the pacer should wake it. */
    private volatile boolean wantsRoom;

    private volatile boolean running;
    private Thread loop;
    private Thread pacer;
    private ExecutorService workers;

    public Dispatcher(
            OutboundLog outboundLog,
            SendingMessages sending,
            AcceptedSends acceptedSends,
            ThroughputLimiter limiter,
            TokenGate tokenGate,
            GraphApi graph,
            MessagingMetrics metrics,
            SendingSettings.Sender config,
            double messagesPerSecond,
            Duration reservationHorizon,
            Duration lateSlotTolerance,
            String owner) {
        this.outboundLog = outboundLog;
        this.sending = sending;
        this.acceptedSends = acceptedSends;
        this.limiter = limiter;
        this.tokenGate = tokenGate;
        this.graph = graph;
        this.metrics = metrics;
        this.config = config;
        this.owner = owner;
        this.reservationPause = reservationHorizon.dividedBy(4);
        this.slotsPerReservation = (int) (reservationHorizon.toNanos() / 1e9 * messagesPerSecond) + 1;
        this.lateSlotTolerance = lateSlotTolerance;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        lock.lock();
        try {
            pacerStopped = false;
        } finally {
            lock.unlock();
        }
        acceptedSends.start(this::signal);
        // platform threads, reused: a send waits for its slot in parkNanos, and the operating system wakes a platform
        // thread on time even when the virtual-thread carriers (as many as cores) are busy with other work
        workers = Executors.newCachedThreadPool(
                Thread.ofPlatform().name("graph-send-", 0).daemon().factory());
        pacer = Thread.ofPlatform().name("messaging-pacer").daemon().start(this::pace);
        loop = Thread.ofPlatform().name("messaging-dispatcher").daemon().start(this::run);
    }

    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        signal();
        try {
            loop.join(Duration.ofSeconds(5));
            pacer.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdown();
        try {
            // sends in flight finish and record their outcome; leases of anything else expire
            workers.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        acceptedSends.stop();
    }

    /** Something may be ready: a command arrived, a send finished. */
    public void signal() {
        lock.lock();
        try {
            signalled = true;
            wake.signalAll();
            pacerWake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                cycle();
            } catch (RuntimeException e) {
                log.error("Dispatcher cycle failed; retrying", e);
                await(config.pollInterval());
            }
        }
    }

    /** The claimer: claims recipients while fewer than half a claim batch of prepared sends are waiting. */
    private void cycle() {
        if (tokenGate.isPaused() && !tokenGate.probeIfDue()) {
            await(config.pollInterval());
            return;
        }
        if (graph.circuitOpen()) {
            await(config.pollInterval());
            return;
        }
        int waiting;
        lock.lock();
        try {
            waiting = ready.size() + backlog.size();
        } finally {
            lock.unlock();
        }
        int room = waiting >= Math.max(1, config.claimBatch() / 2)
                ? 0
                : Math.min(config.claimBatch() - waiting, config.maxInFlight() - inFlight.get() - waiting);
        wantsRoom = room <= 0;
        if (wantsRoom) {
            await(config.pollInterval());
            return;
        }
        List<Claimed> claimed = outboundLog.claim(owner, room, config.lease());
        if (claimed.isEmpty()) {
            await(config.pollInterval());
            return;
        }
        List<Send> prepared = new ArrayList<>(claimed.size());
        for (Claimed c : claimed) {
            try {
                if (sending.prepare(c) instanceof Send send) {
                    prepared.add(send);
                }
            } catch (RuntimeException e) {
                log.error("Could not prepare the head message of a recipient; it stays queued", e);
                outboundLog.release(
                        c.recipient(), owner, Instant.now().plusSeconds(1), c.pair(), c.pairBackoffExponent(), false);
            }
        }
        boolean handedOver;
        lock.lock();
        try {
            handedOver = !pacerStopped;
            if (handedOver) {
                ready.addAll(prepared);
                pacerWake.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (!handedOver) {
            prepared.forEach(sending::releaseUnsent);
        }
    }

    /** Puts a late send back at the front of the pacer's backlog; false if the pacer has stopped. */
    private boolean backToPacer(Send send) {
        lock.lock();
        try {
            if (pacerStopped) {
                return false;
            }
            backlog.addFirst(send);
            pacerWake.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The pacer: records {@code sending} for ready sends up to one reservation's worth in its backlog, reserves slots
     * for the backlog and hands each send to a thread that waits for its slot. Slots reach at most the reservation
     * horizon ahead: while sends remain it comes back when a quarter of it has passed, so a slow round trip or a busy
     * machine does not let the schedule run dry (slots not reserved in time are lost).
     */
    private void pace() {
        try {
            while (running) {
                try {
                    paceOnce();
                } catch (RuntimeException e) {
                    log.error("Reserving send slots failed; retrying", e);
                    sleep(config.pollInterval());
                }
            }
        } finally {
            giveBackAll(List.of(), true);
        }
    }

    /**
     * Hands back every send the pacer holds ({@code alsoUnsent} first, then the ready ones, then those already marked
     * {@code sending}); with {@code stopping} the pacer also marks itself stopped under the same lock.
     */
    private void giveBackAll(List<Send> alsoUnsent, boolean stopping) {
        List<Send> unsent = new ArrayList<>(alsoUnsent);
        List<Send> begun;
        lock.lock();
        try {
            if (stopping) {
                pacerStopped = true;
            }
            unsent.addAll(ready);
            begun = new ArrayList<>(backlog);
            ready.clear();
            backlog.clear();
        } finally {
            lock.unlock();
        }
        giveBack(unsent, begun);
    }

    private void paceOnce() {
        List<Send> toBegin;
        lock.lock();
        try {
            if (ready.isEmpty() && backlog.isEmpty()) {
                pacerWake.await(config.pollInterval().toNanos(), TimeUnit.NANOSECONDS);
                return;
            }
            toBegin = new ArrayList<>();
            while (!ready.isEmpty() && backlog.size() + toBegin.size() < slotsPerReservation) {
                toBegin.add(ready.poll());
            }
            if (wantsRoom && !toBegin.isEmpty()) {
                // fewer ready sends: the claimer may claim more
                signalled = true;
                wake.signalAll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            lock.unlock();
        }
        if (tokenGate.isPaused()) {
            giveBackAll(toBegin, false);
            return;
        }
        List<Send> begun = toBegin.isEmpty() ? List.of() : sending.begin(toBegin);
        int wanted;
        lock.lock();
        try {
            backlog.addAll(begun);
            wanted = Math.min(backlog.size(), slotsPerReservation);
        } finally {
            lock.unlock();
        }
        if (wanted == 0) {
            return;
        }
        ThroughputLimiter.Grant grant = limiter.tryAcquire(wanted);
        metrics.tokensAvailable(grant.available());
        boolean more;
        lock.lock();
        try {
            for (int i = 0; i < grant.granted() && !backlog.isEmpty(); i++) {
                dispatch(
                        backlog.poll(),
                        grant.firstSlotAt() + i * grant.spacing().toNanos());
            }
            more = !backlog.isEmpty() || !ready.isEmpty();
        } finally {
            lock.unlock();
        }
        if (more) {
            sleep(grant.granted() > 0 ? max(grant.spacing(), reservationPause) : grant.waitForNext());
        }
    }

    private void giveBack(List<Send> unsent, List<Send> begun) {
        for (Send send : unsent) {
            try {
                sending.releaseUnsent(send);
            } catch (RuntimeException e) {
                log.error("Could not give back a recipient; its lease will expire", e);
            }
        }
        begun.forEach(this::abandonQuietly);
    }

    private void abandonQuietly(Send send) {
        try {
            sending.abandon(send);
        } catch (RuntimeException e) {
            log.error("Could not give back a send; its recipient's lease will expire", e);
        }
    }

    private void dispatch(Send send, long slot) {
        inFlight.incrementAndGet();
        workers.execute(() -> {
            // an accepted send's recipient is released by the accepted-sends writer, which wakes the claimer itself;
            // a late send went back to the pacer
            boolean wakeClaimer = true;
            try {
                if (onTimeSlot(slot) || !backToPacer(send)) {
                    wakeClaimer = !sending.send(send);
                } else {
                    metrics.lateSlot();
                    wakeClaimer = false;
                }
            } catch (RuntimeException e) {
                log.error("Send failed unexpectedly; the recipient's lease will expire and it is retried", e);
            } finally {
                inFlight.decrementAndGet();
                if (wakeClaimer || wantsRoom) {
                    signal();
                }
            }
        });
    }

    /**
     * Waits for the slot; false if the thread woke up later than its slot by more than the tolerance (a stalled JVM,
     * a busy machine): such a send would reach Meta closer to the sends of the next second than the schedule allows
     * for, so it gives its slot up and goes back to the pacer for a fresh one.
     */
    private boolean onTimeSlot(long slot) {
        sleepUntil(slot);
        long late = System.nanoTime() - slot;
        metrics.slotLateness(late);
        return late <= lateSlotTolerance.toNanos() || !running;
    }

    /** Never before the reserved slot: that is what keeps all replicas together under the rate. */
    private static void sleepUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
    }

    private void await(Duration timeout) {
        lock.lock();
        try {
            if (!signalled) {
                wake.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
            }
            signalled = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static void sleep(Duration duration) {
        long nanos = Math.max(duration.toNanos(), 200_000L);
        try {
            TimeUnit.NANOSECONDS.sleep(Math.min(nanos, 50_000_000L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
