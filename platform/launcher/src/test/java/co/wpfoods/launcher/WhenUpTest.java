package co.wpfoods.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WhenUpTest {

    final Map<String, Boolean> up = new ConcurrentHashMap<>();
    final ByteArrayOutputStream console = new ByteArrayOutputStream();
    final WhenUp whenUp = new WhenUp(
            service -> up.getOrDefault(service, false),
            Duration.ofMillis(20),
            new PrintStream(console, true, StandardCharsets.UTF_8));

    @AfterEach
    void stop() {
        whenUp.close();
    }

    @Test
    void work_for_a_service_that_is_up_runs_at_once_on_the_callers_thread() {
        up.put("order-service", true);
        var ranOn = new java.util.concurrent.atomic.AtomicReference<Thread>();

        boolean now = whenUp.then("order-service", () -> ranOn.set(Thread.currentThread()));

        assertThat(now).isTrue();
        assertThat(ranOn.get()).isSameAs(Thread.currentThread());
        assertThat(whenUp.waitingFor()).isEmpty();
    }

    @Test
    void work_for_a_late_service_waits_for_it_and_runs_once_when_it_comes_up() {
        var loads = new AtomicInteger();

        boolean now = whenUp.then("dispatch-service", loads::incrementAndGet);

        assertThat(now).isFalse();
        await("polls while dispatch-service is down load nothing")
                .during(Duration.ofMillis(200))
                .atMost(Duration.ofSeconds(2))
                .until(() -> loads.get() == 0 && whenUp.waitingFor().equals(java.util.List.of("dispatch-service")));

        up.put("dispatch-service", true);

        await("loaded once dispatch-service is up")
                .atMost(Duration.ofSeconds(5))
                .until(() -> loads.get() == 1);
        await("and never again on later polls")
                .during(Duration.ofMillis(200))
                .atMost(Duration.ofSeconds(2))
                .until(() -> loads.get() == 1 && whenUp.waitingFor().isEmpty());
    }

    @Test
    void a_failing_step_is_reported_and_does_not_stop_the_other_services_steps() {
        var workers = new AtomicInteger();
        whenUp.then("order-service", () -> {
            throw new IllegalStateException("order-service said 500");
        });
        whenUp.then("dispatch-service", workers::incrementAndGet);

        up.put("order-service", true);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> console.toString(StandardCharsets.UTF_8).contains("order-service said 500"));
        up.put("dispatch-service", true);

        await().atMost(Duration.ofSeconds(5)).until(() -> workers.get() == 1);
    }
}
