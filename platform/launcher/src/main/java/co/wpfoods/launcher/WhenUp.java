package co.wpfoods.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs work that needs a service as soon as that service is healthy: at once when it already is, otherwise from a
 * background thread that keeps asking for as long as the launcher runs. A service that missed {@code --health-timeout}
 * on a busy machine still gets its demo data when it comes up later in the same run.
 */
final class WhenUp implements AutoCloseable {

    /** Whether a service answers UP right now. */
    @FunctionalInterface
    interface HealthSource {
        boolean isUp(String service);
    }

    private final HealthSource health;
    private final PrintStream out;
    private final Map<String, List<Runnable>> waiting = new LinkedHashMap<>();
    private final ScheduledExecutorService poller;

    WhenUp(HealthSource health, Duration interval, PrintStream out) {
        this.health = health;
        this.out = out;
        this.poller = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("wpfoods-when-up").factory());
        poller.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Runs {@code work} on the caller's thread when {@code service} is up now (returns true), otherwise once, on the
     * background thread, as soon as it is (returns false).
     */
    boolean then(String service, Runnable work) {
        if (health.isUp(service)) {
            work.run();
            return true;
        }
        synchronized (waiting) {
            waiting.computeIfAbsent(service, s -> new ArrayList<>()).add(work);
        }
        return false;
    }

    /** Services whose work still waits for them. */
    List<String> waitingFor() {
        synchronized (waiting) {
            return List.copyOf(waiting.keySet());
        }
    }

    private void poll() {
        for (String service : waitingFor()) {
            if (!health.isUp(service)) {
                continue;
            }
            List<Runnable> due;
            synchronized (waiting) {
                due = waiting.remove(service);
            }
            for (Runnable work : due == null ? List.<Runnable>of() : due) {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    // one failed step must not stop the others (nor this thread's later polls)
                    out.printf("  ✗ %s: %s%n", service, e);
                }
            }
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
