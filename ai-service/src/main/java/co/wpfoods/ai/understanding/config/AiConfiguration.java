package co.wpfoods.ai.understanding.config;

import co.wpfoods.ai.menus.adapter.out.lucene.LuceneMenuIndex;
import co.wpfoods.ai.understanding.adapter.out.db.JdbcUsageLedger;
import co.wpfoods.ai.understanding.adapter.out.llm.SpringAiChatProvider;
import co.wpfoods.ai.understanding.adapter.out.lucene.LuceneSpellingCorrector;
import co.wpfoods.ai.understanding.adapter.out.messages.BundleMessages;
import co.wpfoods.ai.understanding.adapter.out.metrics.MeteredUsageLedger;
import co.wpfoods.ai.understanding.adapter.out.opennlp.OpenNlpIntentModel;
import co.wpfoods.ai.understanding.application.OfflineEngine;
import co.wpfoods.ai.understanding.application.ReplyService;
import co.wpfoods.ai.understanding.application.ResultCache;
import co.wpfoods.ai.understanding.application.UnderstandingService;
import co.wpfoods.ai.understanding.application.provider.ChatProvider;
import co.wpfoods.ai.understanding.application.provider.DailyQuota;
import co.wpfoods.ai.understanding.application.provider.GuardedProvider;
import co.wpfoods.ai.understanding.application.provider.PriceTable;
import co.wpfoods.ai.understanding.application.provider.ProviderCascade;
import co.wpfoods.ai.understanding.application.provider.UsageLedger;
import co.wpfoods.ai.understanding.config.AiProperties.ProviderProperties;
import co.wpfoods.ai.understanding.domain.Engine;
import co.wpfoods.ai.understanding.domain.Understanding;
import co.wpfoods.security.crypto.LookupHash;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires the engine, the provider cascade, the ledger and the use cases. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AiProperties.class)
public class AiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AiConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OfflineEngine offlineEngine(LuceneMenuIndex index) {
        return new OfflineEngine(index, new LuceneSpellingCorrector(index), OpenNlpIntentModel.standard());
    }

    @Bean
    UsageLedger usageLedger(JdbcClient jdbc, LookupHash lookupHash, MeterRegistry registry, Clock clock) {
        return new MeteredUsageLedger(new JdbcUsageLedger(jdbc, lookupHash, clock), registry);
    }

    @Bean(destroyMethod = "close")
    ExecutorService providerExecutor() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    @Bean
    CircuitBreakerRegistry circuitBreakerRegistry(MeterRegistry meterRegistry) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meterRegistry);
        return registry;
    }

    @Bean
    ProviderCascade providerCascade(
            AiProperties props,
            LuceneMenuIndex menus,
            OfflineEngine offline,
            UsageLedger ledger,
            ExecutorService providerExecutor,
            CircuitBreakerRegistry breakers,
            Clock clock) {
        List<GuardedProvider> guarded = new ArrayList<>();
        Map<String, ProviderProperties> byName = Map.of(
                "gemini", props.providers().gemini(),
                "openai", props.providers().openai(),
                "anthropic", props.providers().anthropic());
        for (String name : props.cascadeOrder()) {
            ProviderProperties p = byName.get(name);
            if (p == null) {
                throw new IllegalStateException("unknown provider in wpfoods.ai.cascade-order: " + name);
            }
            if (!p.enabled()) {
                continue;
            }
            ChatProvider provider = switch (name) {
                case "gemini" -> new SpringAiChatProvider(Engine.GEMINI, p.model(), ChatModels.gemini(p));
                case "openai" -> new SpringAiChatProvider(Engine.OPENAI, p.model(), ChatModels.openAi(p));
                default -> new SpringAiChatProvider(Engine.ANTHROPIC, p.model(), ChatModels.anthropic(p));
            };
            guarded.add(guard(provider, p, ledger, providerExecutor, breakers, clock));
            log.info("provider {} ({}) enabled in the cascade", name, p.model());
        }
        if (guarded.isEmpty()) {
            log.info("no provider keys set: the offline engine answers everything");
        }
        return new ProviderCascade(guarded, menus, offline);
    }

    /** One provider behind a quota, a breaker and a time limit. Public for tests that build their own cascade. */
    public static GuardedProvider guard(
            ChatProvider provider,
            ProviderProperties p,
            UsageLedger ledger,
            ExecutorService executor,
            CircuitBreakerRegistry breakers,
            Clock clock) {
        CircuitBreaker breaker = breakers.circuitBreaker(
                provider.engine().wireName(),
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(Math.max(p.breakerMinimumCalls(), 10))
                        .minimumNumberOfCalls(p.breakerMinimumCalls())
                        .failureRateThreshold(p.breakerFailureRatePercent())
                        .waitDurationInOpenState(p.breakerOpenFor())
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .build());
        TimeLimiter limiter = TimeLimiter.of(TimeLimiterConfig.custom()
                .timeoutDuration(p.timeout())
                .cancelRunningFuture(true)
                .build());
        return new GuardedProvider(
                provider,
                breaker,
                limiter,
                new DailyQuota(p.dailyRequests(), p.dailyTokens(), clock),
                new PriceTable(p.inputUsdPerMillion(), p.outputUsdPerMillion()),
                executor,
                ledger,
                clock);
    }

    @Bean
    UnderstandingService understandingService(
            OfflineEngine offline,
            ProviderCascade cascade,
            LuceneMenuIndex menus,
            AiProperties props,
            UsageLedger ledger,
            Clock clock) {
        ResultCache<Understanding> cache =
                new ResultCache<>(props.cache().maxEntries(), props.cache().ttl(), clock);
        return new UnderstandingService(offline, cascade, menus, cache, ledger, props.offlineFirstConfidence());
    }

    @Bean
    ReplyService.Messages messages(MessageSource messages) {
        return new BundleMessages(messages);
    }

    @Bean
    ReplyService replyService(ProviderCascade cascade, OfflineEngine offline, ReplyService.Messages messages) {
        return new ReplyService(cascade, offline, messages);
    }
}
