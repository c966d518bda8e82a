package co.wpfoods.ai.understanding.adapter.out.metrics;

import co.wpfoods.ai.understanding.application.provider.UsageLedger;
import co.wpfoods.ai.understanding.application.provider.UsageRecord;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Publishes every ledger entry as Micrometer metrics ({@code wpfoods.ai.calls}, {@code wpfoods.ai.tokens},
 * {@code wpfoods.ai.cost.usd}, {@code wpfoods.ai.latency}, {@code wpfoods.ai.messages}) and passes it on.
 */
public final class MeteredUsageLedger implements UsageLedger {

    private final UsageLedger delegate;
    private final MeterRegistry registry;

    public MeteredUsageLedger(UsageLedger delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public void record(UsageRecord r) {
        registry.counter(
                        "wpfoods.ai.calls",
                        "provider",
                        r.provider(),
                        "operation",
                        r.operation(),
                        "outcome",
                        r.outcome().name())
                .increment();
        registry.counter("wpfoods.ai.tokens", "provider", r.provider(), "direction", "input")
                .increment(r.inputTokens());
        registry.counter("wpfoods.ai.tokens", "provider", r.provider(), "direction", "output")
                .increment(r.outputTokens());
        registry.counter("wpfoods.ai.cost.usd", "provider", r.provider())
                .increment(r.costUsd().doubleValue());
        registry.timer("wpfoods.ai.latency", "provider", r.provider()).record(r.latencyMillis(), TimeUnit.MILLISECONDS);
        delegate.record(r);
    }

    @Override
    public List<Summary> summary(Instant from) {
        return delegate.summary(from);
    }

    @Override
    public Volume volume(Instant from) {
        return delegate.volume(from);
    }

    @Override
    public void countMessage(String engine, String correlationId) {
        registry.counter("wpfoods.ai.messages", "engine", engine).increment();
        delegate.countMessage(engine, correlationId);
    }
}
