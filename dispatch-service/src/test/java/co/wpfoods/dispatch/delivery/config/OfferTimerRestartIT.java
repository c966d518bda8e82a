package co.wpfoods.dispatch.delivery.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.dispatch.delivery.application.OfferTimers;
import co.wpfoods.testing.PostgresServer;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Offer timers survive a restart and fire once across replicas: db-scheduler on dispatch's own schema (migrated by
 * Flyway in a fresh database of the embedded PostgreSQL), built as the service builds it ({@link SchedulingConfig}'s
 * task and scheduler), stopped before the timers are due, then two instances started on the same database.
 */
class OfferTimerRestartIT {

    static final int OFFERS = 20;

    @Test
    void offer_timers_scheduled_before_a_restart_fire_after_it_each_once_with_two_instances() {
        // given dispatch's database and a service instance that schedules 20 offer timers due in 10 s (room for a
        // loaded machine to stop it first)
        PostgresServer postgres = PostgresServer.shared();
        String url = postgres.jdbcUrl(postgres.createDatabase("dispatch_timers"));
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(PostgresServer.USER);
        dataSource.setPassword(PostgresServer.PASSWORD);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        Map<String, ConcurrentLinkedQueue<String>> fired = new ConcurrentHashMap<>(); // offer id -> instances
        Scheduler before = scheduler(dataSource, "before", fired);
        before.start();
        OfferTimers timers =
                SchedulingConfig.offerTimers((SchedulerClient) before, SchedulingConfig.offerExpiryTask(id -> {}));
        Instant due = Instant.now().plusSeconds(10);
        for (int i = 0; i < OFFERS; i++) {
            timers.expireAt("of-restart-" + i, due);
        }
        timers.expireAt("of-restart-0", due); // scheduled twice: still one timer

        // when it stops before they are due (the restart) and two instances start on the same database
        before.stop();
        assertThat(Instant.now()).as("stopped before the timers were due").isBefore(due);
        assertThat(fired).isEmpty();
        Scheduler first = scheduler(dataSource, "first", fired);
        Scheduler second = scheduler(dataSource, "second", fired);
        first.start();
        second.start();
        try {
            // then every timer fires after the restart, each exactly once, on one of the two
            await().atMost(Duration.ofSeconds(60)).until(() -> fired.size() == OFFERS);
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> fired.values().stream().allMatch(runs -> runs.size() == 1));
            assertThat(fired.values().stream().flatMap(ConcurrentLinkedQueue::stream))
                    .hasSize(OFFERS)
                    .allMatch(instance -> instance.equals("first") || instance.equals("second"));
            assertThat(JdbcClient.create(dataSource)
                            .sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = :name")
                            .param("name", SchedulingConfig.OFFER_EXPIRY)
                            .query(Long.class)
                            .single())
                    .isZero();
        } finally {
            first.stop();
            second.stop();
            dataSource.close();
        }
    }

    static Scheduler scheduler(
            DataSource dataSource, String instance, Map<String, ConcurrentLinkedQueue<String>> fired) {
        Consumer<String> expire = offerId -> fired.computeIfAbsent(offerId, id -> new ConcurrentLinkedQueue<>())
                .add(instance);
        OneTimeTask<String> task = SchedulingConfig.offerExpiryTask(expire);
        return SchedulingConfig.scheduler(dataSource, task, List.of(), Duration.ofMillis(100));
    }
}
