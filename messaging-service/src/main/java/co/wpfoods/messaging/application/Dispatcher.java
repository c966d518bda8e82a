package co.wpfoods.messaging.application;

import co.wpfoods.messaging.application.OutboundLog.Claimed;
import co.wpfoods.messaging.application.SendingMessages.Send;
import co.wpfoods.messaging.config.MessagingProperties;
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
 * in the database: a recipient waiting out a backoff is simply not claimed, so it holds up nobody) and, in the same
 * statement, records {@code sending} for their head messages; it decides what each head becomes and hands the sends to
 * the pacer. It claims only as many as the pacer's backlog has room for (about one reservation's worth), so no more
 * messages are {@code sending} without having been sent than before.
 *
 * <p>The <b>pacer</b> ({@code messaging-pacer}) reserves number-wide send slots for its backlog and hands each send to
 * a thread that waits for its slot. A send whose thread wakes too late for its slot goes back to the front of the
 * backlog and gets a slot in the pacer's next reservation.
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
    private final MessagingProperties.Sender config;
    private final String owner;
    private final Duration reservationPause;
    private final int slotsPerReservation;
    private final Duration lateSlotTolerance;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Condition pacerWake = lock.newCondition();
    /** Sends recorded {@code sending} and waiting for a slot (guarded by {@link #lock}). */
    private final Deque<Send> backlog = new ArrayDeque<>();

    private boolean signalled;
    private boolean pacerStopped;
    /** The claimer waits for room (backlog or in-flight limit): finished sends and reservations should wake it. */
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
            MessagingProperties.Sender config,
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

    /** The claimer: claims (and begins) as many recipients as the pacer's backlog and the in-flight limit allow. */
    private void cycle() {
        if (tokenGate.isPaused() && !tokenGate.probeIfDue()) {
            await(config.pollInterval());
            return;
        }
        if (graph.circuitOpen()) {
            await(config.pollInterval());
            return;
        }
        int queued = backlogSize();
        // claims wait until the backlog is down to half a reservation's worth, so that each claim takes at least that
        // many recipients (a claim reads past every recipient in flight; fewer, larger claims cost the database less)
        int room = queued > slotsPerReservation / 2
                ? 0
                : Math.min(
                        Math.min(slotsPerReservation - queued, config.maxInFlight() - inFlight.get() - queued),
                        config.claimBatch());
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
        List<Send> ready = new ArrayList<>(claimed.size());
        for (Claimed c : claimed) {
            try {
                if (sending.prepare(c) instanceof Send send) {
                    ready.add(send);
                }
            } catch (RuntimeException e) {
                log.error("Could not prepare the head message of a recipient; it stays queued", e);
                sending.giveBack(c, Instant.now().plusSeconds(1));
            }
        }
        if (!ready.isEmpty() && !toPacer(ready, false)) {
            ready.forEach(sending::abandon);
        }
    }

    /**
     * Adds sends to the pacer's backlog (late ones at the front, so they keep their place); false if the pacer has
     * stopped.
     */
    private boolean toPacer(List<Send> sends, boolean front) {
        lock.lock();
        try {
            if (pacerStopped) {
                return false;
            }
            if (front) {
                sends.reversed().forEach(backlog::addFirst);
            } else {
                backlog.addAll(sends);
            }
            pacerWake.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private int backlogSize() {
        lock.lock();
        try {
            return backlog.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The pacer: reserves slots for the backlog (at most one reservation's worth at a time) and hands each send to a
     * thread that waits for its slot. Slots reach at most the reservation horizon ahead: while sends remain it comes
     * back when a quarter of it has passed, so a slow round trip or a busy machine does not let the schedule run dry
     * (slots not reserved in time are lost).
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
            List<Send> left;
            lock.lock();
            try {
                pacerStopped = true;
                left = new ArrayList<>(backlog);
                backlog.clear();
            } finally {
                lock.unlock();
            }
            left.forEach(this::abandonQuietly);
        }
    }

    private void paceOnce() {
        int wanted;
        lock.lock();
        try {
            if (backlog.isEmpty()) {
                pacerWake.await(config.pollInterval().toNanos(), TimeUnit.NANOSECONDS);
                return;
            }
            wanted = Math.min(backlog.size(), slotsPerReservation);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            lock.unlock();
        }
        if (tokenGate.isPaused()) {
            List<Send> paused;
            lock.lock();
            try {
                paused = new ArrayList<>(backlog);
                backlog.clear();
            } finally {
                lock.unlock();
            }
            paused.forEach(this::abandonQuietly);
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
            more = !backlog.isEmpty();
            if (wantsRoom) {
                // the backlog has room again: the claimer may claim more
                signalled = true;
                wake.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (more) {
            sleep(grant.granted() > 0 ? max(grant.spacing(), reservationPause) : grant.waitForNext());
        }
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
                if (onTimeSlot(slot) || !toPacer(List.of(send), true)) {
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
