package co.wpfoods.ai.config;

import co.wpfoods.ai.adapter.out.db.JdbcMenuStore;
import co.wpfoods.ai.adapter.out.db.JdbcUsageLedger;
import co.wpfoods.ai.adapter.out.db.JdbcVoiceNoteArchive;
import co.wpfoods.ai.adapter.out.llm.ChatModels;
import co.wpfoods.ai.adapter.out.llm.GroqWhisperTranscriber;
import co.wpfoods.ai.adapter.out.llm.SpringAiChatProvider;
import co.wpfoods.ai.adapter.out.lucene.LuceneMenuIndex;
import co.wpfoods.ai.adapter.out.lucene.LuceneSpellingCorrector;
import co.wpfoods.ai.adapter.out.media.GraphMediaSource;
import co.wpfoods.ai.adapter.out.metrics.MeteredUsageLedger;
import co.wpfoods.ai.adapter.out.opennlp.OpenNlpIntentModel;
import co.wpfoods.ai.application.KeepingMenusCurrent;
import co.wpfoods.ai.application.MenuIndex;
import co.wpfoods.ai.application.OfflineEngine;
import co.wpfoods.ai.application.PopularityBoard;
import co.wpfoods.ai.application.RecommendationService;
import co.wpfoods.ai.application.ReplyService;
import co.wpfoods.ai.application.ResultCache;
import co.wpfoods.ai.application.Transcriber;
import co.wpfoods.ai.application.TranscriptionService;
import co.wpfoods.ai.application.UnderstandingService;
import co.wpfoods.ai.application.VoiceNotes;
import co.wpfoods.ai.application.provider.ChatProvider;
import co.wpfoods.ai.application.provider.DailyQuota;
import co.wpfoods.ai.application.provider.GuardedProvider;
import co.wpfoods.ai.application.provider.PriceTable;
import co.wpfoods.ai.application.provider.ProviderCascade;
import co.wpfoods.ai.application.provider.UsageLedger;
import co.wpfoods.ai.config.AiProperties.ProviderProperties;
import co.wpfoods.ai.domain.Engine;
import co.wpfoods.ai.domain.MenuSnapshot;
import co.wpfoods.ai.domain.Understanding;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

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
    LuceneMenuIndex menuIndex(AiProperties props) {
        LuceneMenuIndex index = new LuceneMenuIndex();
        if (!props.menuSeed().isBlank()) {
            JsonMapper mapper = JsonMapper.builder().build();
            try {
                for (Resource r : new PathMatchingResourcePatternResolver().getResources(props.menuSeed())) {
                    try (InputStream in = r.getInputStream()) {
                        index.publish(mapper.readValue(in, MenuSnapshot.class));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read menu seed " + props.menuSeed(), e);
            }
            log.info("menu index seeded from {}: {}", props.menuSeed(), index.versionKey());
        }
        return index;
    }

    @Bean
    OfflineEngine offlineEngine(LuceneMenuIndex index) {
        return new OfflineEngine(index, new LuceneSpellingCorrector(index), OpenNlpIntentModel.standard());
    }

    @Bean
    UsageLedger usageLedger(JdbcClient jdbc, MeterRegistry registry, Clock clock) {
        return new MeteredUsageLedger(new JdbcUsageLedger(jdbc, clock), registry);
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
    ReplyService replyService(ProviderCascade cascade, OfflineEngine offline, MessageSource messages) {
        return new ReplyService(cascade, offline, new BundleMessages(messages));
    }

    @Bean
    TranscriptionService transcriptionService(AiProperties props, UsageLedger ledger, Clock clock) {
        var t = props.transcription();
        Optional<Transcriber> transcriber = t.enabled() ? Optional.of(new GroqWhisperTranscriber(t)) : Optional.empty();
        return new TranscriptionService(transcriber, t.maxBytes(), t.usdPerHour(), ledger, clock);
    }

    @Bean
    JdbcMenuStore menuStore(JdbcClient jdbc, Clock clock) {
        return new JdbcMenuStore(jdbc, clock);
    }

    @Bean
    KeepingMenusCurrent keepingMenusCurrent(JdbcMenuStore store, LuceneMenuIndex index) {
        KeepingMenusCurrent uc = new KeepingMenusCurrent(store, index);
        int n = uc.reload();
        log.info("menu index loaded {} menus from the read model", n);
        return uc;
    }

    @Bean
    JdbcVoiceNoteArchive voiceNoteArchive(JdbcClient jdbc, Clock clock) {
        return new JdbcVoiceNoteArchive(jdbc, clock);
    }

    @Bean
    VoiceNotes voiceNotes(AiProperties props, TranscriptionService transcription) {
        var t = props.transcription();
        return new VoiceNotes(
                new GraphMediaSource(
                        RestClient.builder(),
                        t.mediaBaseUrl().isBlank() ? "https://graph.facebook.com" : t.mediaBaseUrl(),
                        t.mediaToken()),
                transcription);
    }

    @Bean
    PopularityBoard popularityBoard() {
        return new PopularityBoard();
    }

    @Bean
    RecommendationService recommendationService(MenuIndex menus, PopularityBoard board) {
        return new RecommendationService(menus, board);
    }
}
