package co.wpfoods.messaging.sending.application;

import co.wpfoods.messaging.sending.application.OutboundLog.AcceptedSend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the sends Meta accepted, many per statement: {@code accepted} + wamid for each message and the release of
 * its recipient (pair bucket, next send time, one message fewer pending). One writer thread takes whatever has
 * accumulated while the previous statement ran, so batches grow with the load and add no wait when it is light.
 *
 * <p>Until its batch is written a send is {@code sending} in the database and its recipient stays leased, so nothing
 * else is sent to that recipient meanwhile. A crash before the write leaves it exactly as a crash between Meta's 200 and
 * a single-row write would: {@code sending}, recovered as {@code uncertain} and not resent. A failed write is retried
 * until it succeeds or the sender stops.
 */
public class AcceptedSends {

    private static final Logger log = LoggerFactory.getLogger(AcceptedSends.class);
    private static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(1);

    private final OutboundLog outboundLog;
    private final String owner;
    private final int maxBatch;
    private final LinkedBlockingQueue<AcceptedSend> pending = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread writer;
    private Runnable afterWrite = () -> {};

    public AcceptedSends(OutboundLog outboundLog, String owner, int maxBatch) {
        this.outboundLog = outboundLog;
        this.owner = owner;
        this.maxBatch = maxBatch;
    }

    /** @param afterWrite runs after each batch is written (its recipients may have more to send) */
    public synchronized void start(Runnable afterWrite) {
        if (running) {
            return;
        }
        this.afterWrite = afterWrite;
        running = true;
        writer = Thread.ofPlatform().name("messaging-accepted-writer").daemon().start(this::run);
    }

    /** Writes what is still waiting, then stops. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            writer.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void add(AcceptedSend accepted) {
        pending.add(accepted);
    }

    private void run() {
        List<AcceptedSend> batch = new ArrayList<>(maxBatch);
        while (running || !pending.isEmpty()) {
            try {
                AcceptedSend first = pending.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                pending.drainTo(batch, maxBatch - 1);
                write(batch);
                batch.clear();
                afterWrite.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void write(List<AcceptedSend> batch) throws InterruptedException {
        long waitMillis = 20;
        while (true) {
            try {
                outboundLog.recordAccepted(owner, batch);
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    log.error(
                            "Could not record {} accepted sends while stopping; they stay 'sending' and their "
                                    + "recipients are recovered when the lease expires",
                            batch.size(),
                            e);
                    return;
                }
                log.warn("Could not record {} accepted sends; retrying", batch.size(), e);
                Thread.sleep(waitMillis);
                waitMillis = Math.min(waitMillis * 2, MAX_RETRY_WAIT.toMillis());
            }
        }
    }
}
