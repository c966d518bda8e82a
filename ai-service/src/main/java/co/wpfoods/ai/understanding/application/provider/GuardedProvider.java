package co.wpfoods.ai.understanding.application.provider;

import co.wpfoods.ai.understanding.application.provider.ChatProvider.Completion;
import co.wpfoods.ai.understanding.application.provider.ChatProvider.MalformedOutputException;
import co.wpfoods.ai.understanding.application.provider.UsageRecord.Outcome;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * One provider behind its guards: daily quota, circuit breaker and time limit (resilience4j). Every attempt is
 * written to the ledger with its tokens, cost, latency and outcome. Never throws: a failed call is an empty answer.
 */
public final class GuardedProvider {

    private final ChatProvider provider;
    private final CircuitBreaker breaker;
    private final TimeLimiter timeLimiter;
    private final DailyQuota quota;
    private final PriceTable prices;
    private final ExecutorService executor;
    private final UsageLedger ledger;
    private final Clock clock;

    public GuardedProvider(
            ChatProvider provider,
            CircuitBreaker breaker,
            TimeLimiter timeLimiter,
            DailyQuota quota,
            PriceTable prices,
            ExecutorService executor,
            UsageLedger ledger,
            Clock clock) {
        this.provider = provider;
        this.breaker = breaker;
        this.timeLimiter = timeLimiter;
        this.quota = quota;
        this.prices = prices;
        this.executor = executor;
        this.ledger = ledger;
        this.clock = clock;
    }

    public ChatProvider provider() {
        return provider;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    public DailyQuota quota() {
        return quota;
    }

    /**
     * Asks the provider and maps the answer with {@code accept}, which returns empty to reject an answer that does
     * not hold up (unknown intent, item not on the menu, invented numbers).
     */
    public <T, R> Optional<R> call(
            String operation,
            String system,
            String user,
            Class<T> type,
            Function<T, Optional<R>> accept,
            String correlationId) {
        if (!breaker.tryAcquirePermission()) {
            record(operation, 0, 0, 0, Outcome.CIRCUIT_OPEN, correlationId);
            return Optional.empty();
        }
        if (!quota.tryAcquire()) {
            breaker.releasePermission();
            record(operation, 0, 0, 0, Outcome.QUOTA_EXHAUSTED, correlationId);
            return Optional.empty();
        }
        long start = System.nanoTime();
        CompletableFuture<Completion<T>> future =
                CompletableFuture.supplyAsync(() -> provider.complete(system, user, type), executor);
        try {
            Completion<T> c = timeLimiter.executeFutureSupplier(() -> future);
            long nanos = System.nanoTime() - start;
            quota.chargeTokens(c.inputTokens() + c.outputTokens());
            breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
            Optional<R> accepted = c.value() == null ? Optional.empty() : accept.apply(c.value());
            record(
                    operation,
                    c.inputTokens(),
                    c.outputTokens(),
                    nanos,
                    accepted.isPresent() ? Outcome.OK : Outcome.REJECTED,
                    correlationId);
            return accepted;
        } catch (TimeoutException e) {
            future.cancel(true);
            long nanos = System.nanoTime() - start;
            breaker.onError(nanos, TimeUnit.NANOSECONDS, e);
            record(operation, 0, 0, nanos, Outcome.TIMEOUT, correlationId);
        } catch (Exception e) {
            long nanos = System.nanoTime() - start;
            Throwable cause = e instanceof ExecutionException || e instanceof java.util.concurrent.CompletionException
                    ? e.getCause()
                    : e;
            breaker.onError(nanos, TimeUnit.NANOSECONDS, cause);
            if (cause instanceof MalformedOutputException m) {
                quota.chargeTokens(m.inputTokens() + m.outputTokens());
                record(operation, m.inputTokens(), m.outputTokens(), nanos, Outcome.MALFORMED, correlationId);
            } else {
                record(operation, 0, 0, nanos, Outcome.ERROR, correlationId);
            }
        }
        return Optional.empty();
    }

    private void record(String operation, long in, long out, long nanos, Outcome outcome, String correlationId) {
        BigDecimal cost = prices.cost(in, out);
        ledger.record(new UsageRecord(
                clock.instant(),
                provider.engine().wireName(),
                provider.model(),
                operation,
                in,
                out,
                cost,
                TimeUnit.NANOSECONDS.toMillis(nanos),
                outcome,
                correlationId));
    }
}
