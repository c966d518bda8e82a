package co.wpfoods.order.ordering.adapter.out.timers;

import co.wpfoods.order.ordering.application.TimingOutOrders;
import co.wpfoods.order.ordering.domain.OrderId;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.util.List;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * db-scheduler: persistent one-time tasks in {@code scheduled_tasks}, picked by one replica at a time (row lock on
 * pick, heartbeats; a dead replica's task is picked again), so a timer survives restarts and fires once. Recurring
 * tasks of other slices (the personal-data re-encryption) are started on the same scheduler.
 */
@Configuration
class OrderTimerTasks {

    static final OneTimeTask<String> RESTAURANT_REMINDER = Tasks.oneTime("restaurant-answer-reminder", String.class)
            .execute((i, c) -> run(TimingOutOrders::remindRestaurant, i.getData()));
    static final OneTimeTask<String> RESTAURANT_TIMEOUT = Tasks.oneTime("restaurant-answer-timeout", String.class)
            .execute((i, c) -> run(TimingOutOrders::restaurantDidNotAnswer, i.getData()));
    static final OneTimeTask<String> PAYMENT_TIMEOUT = Tasks.oneTime("payment-timeout", String.class)
            .execute((i, c) -> run(TimingOutOrders::paymentDidNotArrive, i.getData()));

    private static final List<Task<?>> ALL = List.of(RESTAURANT_REMINDER, RESTAURANT_TIMEOUT, PAYMENT_TIMEOUT);

    // tasks are static (db-scheduler knows them by name); what they do is looked up when they fire
    private static volatile ObjectProvider<TimingOutOrders> timing;

    private static void run(BiConsumer<TimingOutOrders, OrderId> action, String orderId) {
        action.accept(timing.getObject(), new OrderId(orderId));
    }

    @Bean
    SchedulerClient orderTimersClient(DataSource dataSource) {
        return SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), ALL)
                .build();
    }

    @Bean
    SchedulerLifecycle orderTimersScheduler(
            DataSource dataSource,
            ObjectProvider<TimingOutOrders> timingOutOrders,
            ObjectProvider<RecurringTask<?>> recurringTasks,
            TimerSettings settings) {
        timing = timingOutOrders;
        // one scheduler per database: a second one would pick (and not know) the other's tasks
        List<RecurringTask<?>> recurring = recurringTasks.orderedStream().toList();
        return new SchedulerLifecycle(Scheduler.create(dataSource, ALL)
                .startTasks(recurring)
                .threads(settings.threads())
                .pollingInterval(settings.pollingInterval())
                .enableImmediateExecution()
                .build());
    }

    /** Starts polling once the application is up and stops it before the DataSource closes. */
    static final class SchedulerLifecycle implements SmartLifecycle {
        private final Scheduler scheduler;
        private volatile boolean running;

        SchedulerLifecycle(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public void start() {
            scheduler.start();
            running = true;
        }

        @Override
        public void stop() {
            scheduler.stop();
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }
}
