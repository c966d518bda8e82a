package co.wpfoods.messaging.application;

import co.wpfoods.messaging.application.OutboundLog.Claimed;
import co.wpfoods.messaging.application.SendingMessages.Send;
import co.wpfoods.messaging.config.MessagingProperties;
import java.time.Duration;
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
 * The sending loop of one replica. It claims recipients that have a message due (per-recipient queues in the
 * database: a recipient waiting out a backoff is simply not claimed, so it holds up nobody), decides what each head
 * message becomes, takes one token per send from the number-wide bucket, and hands the sends to virtual threads.
 * New commands and finished sends wake it up; otherwise it polls every {@code pollInterval}.
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
    private boolean signalled;
    private volatile boolean running;
    private Thread loop;
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
        acceptedSends.start(this::signal);
        // platform threads, reused: a send waits for its slot in parkNanos, and the operating system wakes a platform
        // thread on time even when the virtual-thread carriers (as many as cores) are busy with other work
        workers = Executors.newCachedThreadPool(
                Thread.ofPlatform().name("graph-send-", 0).daemon().factory());
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

    private void cycle() {
        if (tokenGate.isPaused() && !tokenGate.probeIfDue()) {
            await(config.pollInterval());
            return;
        }
        if (graph.circuitOpen()) {
            await(config.pollInterval());
            return;
        }
        int room = config.maxInFlight() - inFlight.get();
        if (room <= 0) {
            await(config.pollInterval());
            return;
        }
        List<Claimed> claimed = outboundLog.claim(owner, Math.min(room, config.claimBatch()), config.lease());
        if (claimed.isEmpty()) {
            await(config.pollInterval());
            return;
        }
        Deque<Send> ready = new ArrayDeque<>();
        for (Claimed c : claimed) {
            try {
                if (sending.prepare(c) instanceof Send send) {
                    ready.add(send);
                }
            } catch (RuntimeException e) {
                log.error("Could not prepare the head message of a recipient; it stays queued", e);
                outboundLog.release(
                        c.recipient(),
                        owner,
                        java.time.Instant.now().plusSeconds(1),
                        c.pair(),
                        c.pairBackoffExponent(),
                        false);
            }
        }
        pace(ready);
    }

    /**
     * Reserves number-wide send slots for the prepared sends; each send waits for its slot on its own thread.
     * {@code sending} is recorded (one statement) before the slots are reserved, for about as many sends as one
     * reservation grants, so that no database round trip lies between a slot and its send.
     */
    private void pace(Deque<Send> ready) {
        Deque<Send> begun = new ArrayDeque<>();
        while (!ready.isEmpty() || !begun.isEmpty()) {
            if (!running || tokenGate.isPaused()) {
                ready.forEach(sending::releaseUnsent);
                begun.forEach(sending::abandon);
                return;
            }
            int wanted = Math.min(ready.size(), slotsPerReservation - begun.size());
            if (wanted > 0) {
                List<Send> next = new ArrayList<>(wanted);
                for (int i = 0; i < wanted; i++) {
                    next.add(ready.poll());
                }
                begun.addAll(sending.begin(next));
                if (begun.isEmpty()) {
                    continue;
                }
            }
            ThroughputLimiter.Grant grant = limiter.tryAcquire(begun.size());
            metrics.tokensAvailable(grant.available());
            for (int i = 0; i < grant.granted(); i++) {
                dispatch(begun.poll(), grant.firstSlotAt() + i * grant.spacing().toNanos());
            }
            if (!ready.isEmpty() || !begun.isEmpty()) {
                // slots reach at most the reservation horizon ahead: come back when a quarter of it has passed, so a
                // slow
                // round trip or a busy machine does not let the schedule run dry (slots not reserved in time are lost)
                sleep(grant.granted() > 0 ? max(grant.spacing(), reservationPause) : grant.waitForNext());
            }
        }
    }

    private void dispatch(Send send, long slot) {
        inFlight.incrementAndGet();
        workers.execute(() -> {
            try {
                onTimeSlot(slot);
                sending.send(send);
            } catch (RuntimeException e) {
                log.error("Send failed unexpectedly; the recipient's lease will expire and it is retried", e);
            } finally {
                inFlight.decrementAndGet();
                signal();
            }
        });
    }

    /**
     * Waits for the slot. A thread that wakes up later than its slot by more than the tolerance (a stalled JVM, a busy
     * machine) would reach Meta closer to the sends of the next second than the schedule allows for; it gives its slot
     * up and reserves a fresh one.
     */
    private void onTimeSlot(long slot) {
        long tolerance = lateSlotTolerance.toNanos();
        sleepUntil(slot);
        metrics.slotLateness(System.nanoTime() - slot);
        while (running && System.nanoTime() - slot > tolerance) {
            metrics.lateSlot();
            ThroughputLimiter.Grant grant = limiter.tryAcquire(1);
            if (grant.granted() == 0) {
                sleep(grant.waitForNext());
                continue;
            }
            slot = grant.firstSlotAt();
            sleepUntil(slot);
        }
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
