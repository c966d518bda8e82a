package co.wpfoods.eventing.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.wpfoods.eventingtest.EventingTestApplication;
import co.wpfoods.testing.EmbeddedInfra;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = EventingTestApplication.class, properties = "wpfoods.outbox.enabled=false")
@EmbeddedInfra(kafka = false)
class InboxIT {

    @Autowired
    Inbox inbox;

    @Test
    void an_event_processed_twice_has_its_effect_once() {
        AtomicInteger effects = new AtomicInteger();

        boolean first = inbox.processOnce("billing", "evt-1", () -> {
            effects.incrementAndGet();
        });
        boolean second = inbox.processOnce("billing", "evt-1", () -> {
            effects.incrementAndGet();
        });

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(effects).hasValue(1);
        assertThat(inbox.alreadyProcessed("billing", "evt-1")).isTrue();
    }

    @Test
    void the_same_event_is_independent_for_two_consumers() {
        AtomicInteger effects = new AtomicInteger();

        inbox.processOnce("billing", "evt-2", () -> {
            effects.incrementAndGet();
        });
        inbox.processOnce("notifications", "evt-2", () -> {
            effects.incrementAndGet();
        });

        assertThat(effects).hasValue(2);
    }

    @Test
    void a_failed_effect_is_not_recorded_so_a_redelivery_runs_it_again() {
        AtomicInteger effects = new AtomicInteger();

        assertThatThrownBy(() -> inbox.processOnce("billing", "evt-3", () -> {
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        boolean retried = inbox.processOnce("billing", "evt-3", () -> {
            effects.incrementAndGet();
        });

        assertThat(retried).isTrue();
        assertThat(effects).hasValue(1);
    }

    @Test
    void concurrent_deliveries_of_one_event_apply_it_once() throws Exception {
        AtomicInteger effects = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Boolean> task = () -> {
                    start.await();
                    return inbox.processOnce("billing", "evt-4", () -> {
                        effects.incrementAndGet();
                    });
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            long ran = 0;
            for (Future<Boolean> result : results) {
                if (result.get()) {
                    ran++;
                }
            }
            assertThat(ran).isEqualTo(1);
        }
        assertThat(effects).hasValue(1);
    }
}
