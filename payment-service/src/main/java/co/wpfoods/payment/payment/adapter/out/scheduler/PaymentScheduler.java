package co.wpfoods.payment.payment.adapter.out.scheduler;

import co.wpfoods.payment.payment.application.ExpiringPayments;
import co.wpfoods.payment.payment.application.OpeningCheckouts;
import co.wpfoods.payment.payment.application.PaymentTasks;
import co.wpfoods.payment.payment.application.RefundingPayments;
import co.wpfoods.payment.payment.domain.PaymentId;
import co.wpfoods.payment.reconciliation.application.ReconcilingPayments;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * payment-service's persistent tasks on db-scheduler: rows in {@code scheduled_tasks}, scheduled in the caller's
 * database transaction (the data source is transaction-aware), picked by exactly one replica, retried with
 * exponential backoff when they fail, and still there after a restart. Handlers are looked up lazily so the use cases
 * can depend on {@link PaymentTasks} without a cycle.
 */
public class PaymentScheduler implements PaymentTasks, SmartLifecycle {

    static final String OPEN_CHECKOUT = "open-checkout";
    static final String PAYMENT_TIMEOUT = "payment-timeout";
    static final String EXECUTE_REFUND = "execute-refund";
    static final String LOCAL_CARD_WEBHOOK = "local-card-webhook";
    static final String RECONCILIATION = "reconciliation";

    private final OneTimeTask<String> openCheckout;
    private final OneTimeTask<String> paymentTimeout;
    private final OneTimeTask<String> executeRefund;
    private final OneTimeTask<String> localCardWebhook;
    private final Scheduler scheduler;
    private volatile boolean running;

    /** The scheduler's settings ({@code wpfoods.payment.scheduler.*}). */
    public record Settings(
            Duration pollingInterval,
            int threads,
            Duration retryBackoff,
            Duration reconciliationInterval,
            boolean reconciliationEnabled) {}

    public PaymentScheduler(
            DataSource dataSource,
            Settings settings,
            ObjectProvider<OpeningCheckouts> opening,
            ObjectProvider<ExpiringPayments> expiring,
            ObjectProvider<RefundingPayments> refunding,
            ObjectProvider<ReconcilingPayments> reconciling,
            Consumer<String> localCardDelivery,
            List<RecurringTask<?>> otherRecurringTasks) {
        this.openCheckout = Tasks.oneTime(OPEN_CHECKOUT, String.class)
                .onFailure(backoff(settings))
                .execute((instance, context) -> opening.getObject().open(new PaymentId(instance.getData())));
        this.paymentTimeout = Tasks.oneTime(PAYMENT_TIMEOUT, String.class)
                .onFailure(backoff(settings))
                .execute((instance, context) -> expiring.getObject().expire(new PaymentId(instance.getData())));
        this.executeRefund = Tasks.oneTime(EXECUTE_REFUND, String.class)
                .onFailure(backoff(settings))
                .execute((instance, context) -> refunding.getObject().execute(instance.getData()));
        this.localCardWebhook = Tasks.oneTime(LOCAL_CARD_WEBHOOK, String.class)
                .onFailure(backoff(settings))
                .execute((instance, context) -> localCardDelivery.accept(instance.getData()));
        List<Task<?>> known = new ArrayList<>(List.of(openCheckout, paymentTimeout, executeRefund, localCardWebhook));
        var builder = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), known)
                .pollingInterval(settings.pollingInterval())
                .threads(settings.threads())
                .schedulerName(new SchedulerName.Hostname())
                .enableImmediateExecution()
                .registerShutdownHook();
        if (settings.reconciliationEnabled()) {
            RecurringTask<Void> reconciliation = Tasks.recurring(
                            RECONCILIATION, Schedules.fixedDelay(settings.reconciliationInterval()))
                    .execute((instance, context) -> reconciling.getObject().reconcileLastWindow());
            builder = builder.startTasks(reconciliation);
        }
        // one scheduler per database: a second one would pick (and not know) these tasks
        builder = builder.startTasks(otherRecurringTasks);
        this.scheduler = builder.build();
    }

    private static <T> FailureHandler<T> backoff(Settings settings) {
        return new FailureHandler.ExponentialBackoffFailureHandler<>(settings.retryBackoff(), 1.5);
    }

    @Override
    public void openCheckout(PaymentId paymentId) {
        schedule(() -> scheduler.schedule(
                openCheckout.instance(paymentId.value(), paymentId.value()),
                Instant.now(),
                ScheduleOptions.WHEN_EXISTS_DO_NOTHING));
    }

    @Override
    public void expireAt(PaymentId paymentId, Instant at) {
        schedule(() -> scheduler.schedule(
                paymentTimeout.instance(paymentId.value(), paymentId.value()),
                at,
                ScheduleOptions.WHEN_EXISTS_RESCHEDULE));
    }

    @Override
    public void executeRefund(String refundId) {
        schedule(() -> scheduler.schedule(
                executeRefund.instance(refundId, refundId), Instant.now(), ScheduleOptions.WHEN_EXISTS_DO_NOTHING));
    }

    /** Schedules the delivery of a local card event (local provider only). */
    public void deliverLocalCardEvent(String eventId) {
        schedule(() -> scheduler.schedule(
                localCardWebhook.instance(eventId, eventId), Instant.now(), ScheduleOptions.WHEN_EXISTS_DO_NOTHING));
    }

    /** For tests and ops: runs a scheduled payment timeout now. */
    public boolean runTimeoutNow(PaymentId paymentId) {
        boolean moved = scheduler.reschedule(TaskInstanceId.of(PAYMENT_TIMEOUT, paymentId.value()), Instant.now());
        scheduler.triggerCheckForDueExecutions();
        return moved;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    private void schedule(Runnable scheduling) {
        scheduling.run();
        // the row is visible to the scheduler's own connections only after commit: look for due work then
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    if (running) {
                        scheduler.triggerCheckForDueExecutions();
                    }
                }
            });
        }
    }

    @Override
    public void start() {
        scheduler.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        scheduler.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
