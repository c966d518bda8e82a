package co.wpfoods.order.ordering.adapter.out.timers;

import co.wpfoods.order.ordering.application.OrderTimers;
import co.wpfoods.order.ordering.domain.Order;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Order timers as db-scheduler one-time tasks ({@link OrderTimerTasks}). The client writes to {@code scheduled_tasks}
 * through a transaction-aware DataSource, so a timer exists exactly when the order change that needs it committed.
 * The instance id is the order id: scheduling twice for one order keeps the first timer.
 */
@Component
class SchedulerOrderTimers implements OrderTimers {

    private final SchedulerClient client;
    private final TimerSettings settings;
    private final Clock clock;

    SchedulerOrderTimers(SchedulerClient client, TimerSettings settings, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void restaurantMustAnswer(Order order) {
        var now = clock.instant();
        String id = order.id().value();
        client.scheduleIfNotExists(
                OrderTimerTasks.RESTAURANT_REMINDER.instance(id, id), now.plus(settings.restaurantReminderAfter()));
        client.scheduleIfNotExists(
                OrderTimerTasks.RESTAURANT_TIMEOUT.instance(id, id), now.plus(settings.restaurantAnswerTimeout()));
    }

    @Override
    public void paymentMustArrive(Order order) {
        String id = order.id().value();
        client.scheduleIfNotExists(
                OrderTimerTasks.PAYMENT_TIMEOUT.instance(id, id),
                clock.instant().plus(settings.paymentTimeout()));
    }
}
