package co.wpfoods.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.eventing.outbox.OutboxRelay;
import co.wpfoods.eventingtest.EventingTestApplication;
import co.wpfoods.testing.KafkaServer;
import co.wpfoods.testing.PostgresServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

/** How housekeeping ends when its service shuts down (this test owns its context, so it can close it). */
class EventingHousekeepingIT {

    @Test
    void a_closing_service_stops_housekeeping_before_its_relay_and_ends_its_thread() {
        // other test classes' cached contexts in this JVM run housekeeping threads of their own
        int threadsBefore = housekeepingThreads().size();
        PostgresServer postgres = PostgresServer.shared();
        String database = postgres.createDatabase("EventingHousekeepingIT");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(
                        EventingTestApplication.class, ShutdownProbe.class)
                .properties(
                        "spring.datasource.url=" + postgres.jdbcUrl(database),
                        "spring.datasource.username=" + PostgresServer.USER,
                        "spring.datasource.password=" + PostgresServer.PASSWORD,
                        "spring.kafka.bootstrap-servers=" + KafkaServer.shared().bootstrapServers(),
                        "wpfoods.outbox.drop-slot-on-stop=true")
                .run();
        EventingHousekeeping housekeeping = context.getBean(EventingHousekeeping.class);
        OutboxRelay relay = context.getBean(OutboxRelay.class);
        ShutdownProbe probe = context.getBean(ShutdownProbe.class);
        assertThat(housekeeping.isRunning()).isTrue();
        assertThat(housekeepingThreads()).hasSize(threadsBefore + 1);

        context.close();

        // the probe's phase lies between the two: housekeeping has stopped by then, the relay not yet
        assertThat(probe.seenAtStop).containsExactly("housekeeping running=false", "relay running=true");
        assertThat(housekeeping.isRunning()).isFalse();
        assertThat(relay.isRunning()).isFalse();
        assertThat(housekeepingThreads()).hasSize(threadsBefore);
    }

    private static List<Thread> housekeepingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("eventing-housekeeping") && t.isAlive())
                .toList();
    }

    /** Looks the two up only when it stops, so that it depends on neither (a dependent bean is stopped first). */
    static class ShutdownProbe implements SmartLifecycle {

        final List<String> seenAtStop = new ArrayList<>();
        private volatile boolean running;

        @Autowired
        ApplicationContext context;

        @Override
        public void start() {
            running = true;
        }

        @Override
        public void stop() {
            seenAtStop.add("housekeeping running="
                    + context.getBean(EventingHousekeeping.class).isRunning());
            seenAtStop.add("relay running=" + context.getBean(OutboxRelay.class).isRunning());
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return Integer.MAX_VALUE - 75; // between the relay's (MAX - 100) and housekeeping's (MAX - 50)
        }
    }
}
