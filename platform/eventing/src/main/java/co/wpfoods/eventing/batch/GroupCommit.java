package co.wpfoods.eventing.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands work submitted by many request threads to a few workers, each taking everything waiting (up to a maximum)
 * as one batch. Nothing waits on purpose: a worker that finds one item processes one item, and while workers are
 * busy the next batch gathers by itself, so batches grow with the load and latency stays low when it is light.
 *
 * @param <T> one unit of work; the handler completes it, whatever happens
 */
public final class GroupCommit<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final BlockingQueue<T> queue = new LinkedBlockingQueue<>();
    private final int maxBatch;
    private final Consumer<List<T>> handler;
    private final Consumer<T> onClosed;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean open = true;

    /**
     * @param workers batches processed at the same time
     * @param maxBatch largest batch
     * @param handler processes one batch and completes every item of it
     * @param onClosed completes an item still waiting when this is closed
     */
    public GroupCommit(String name, int workers, int maxBatch, Consumer<List<T>> handler, Consumer<T> onClosed) {
        if (workers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("workers and maxBatch must be positive");
        }
        this.maxBatch = maxBatch;
        this.handler = handler;
        this.onClosed = onClosed;
        for (int i = 0; i < workers; i++) {
            this.workers.add(Thread.ofPlatform().name(name + "-" + i).daemon().start(this::work));
        }
    }

    public void submit(T item) {
        if (!open) {
            onClosed.accept(item);
            return;
        }
        queue.add(item);
        // closed between the check and the add: if close()'s final drain missed the item, answer it here
        if (!open && queue.remove(item)) {
            onClosed.accept(item);
        }
    }

    private void work() {
        List<T> batch = new ArrayList<>(maxBatch);
        while (open) {
            try {
                T first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                handler.accept(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the handler completes its items itself; this only keeps the worker alive
                log.error("Batch of {} failed unexpectedly", batch.size(), e);
            } finally {
                batch.clear();
            }
        }
    }

    /** Stops taking work; what is still queued is completed with {@code onClosed}. */
    @Override
    public void close() {
        open = false;
        for (Thread worker : workers) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        T left;
        while ((left = queue.poll()) != null) {
            onClosed.accept(left);
        }
    }
}
