package co.wpfoods.ai.bench;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.ai.menus.adapter.out.lucene.LuceneMenuIndex;
import co.wpfoods.ai.nlu.NluCorpus;
import co.wpfoods.ai.nlu.NluEvaluation;
import co.wpfoods.ai.privacy.adapter.out.db.V3__Encrypt_personal_data;
import co.wpfoods.ai.provider.ProviderStandIns;
import co.wpfoods.ai.understanding.adapter.out.db.JdbcUsageLedger;
import co.wpfoods.ai.understanding.adapter.out.llm.SpringAiChatProvider;
import co.wpfoods.ai.understanding.adapter.out.lucene.LuceneSpellingCorrector;
import co.wpfoods.ai.understanding.application.OfflineEngine;
import co.wpfoods.ai.understanding.application.UnderstandRequest;
import co.wpfoods.ai.understanding.application.provider.GuardedProvider;
import co.wpfoods.ai.understanding.application.provider.ProviderCascade;
import co.wpfoods.ai.understanding.application.provider.UsageLedger;
import co.wpfoods.ai.understanding.config.AiConfiguration;
import co.wpfoods.ai.understanding.config.AiProperties.ProviderProperties;
import co.wpfoods.ai.understanding.config.ChatModels;
import co.wpfoods.ai.understanding.domain.Engine;
import co.wpfoods.ai.understanding.domain.Role;
import co.wpfoods.security.crypto.Keysets;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.testing.PostgresServer;
import co.wpfoods.testing.bench.BenchmarkLog;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Bench {@code nlu} (see docs/benchmarks.md): the offline engine's intent accuracy, item F1 and abstention share on
 * the fresh set ({@code nlu/fresh.tsv}, never used to train or tune), the test part for comparison, 5-fold
 * cross-validation of the classifier on its training corpus (folds by template), and the engine at a steady 100
 * requests/s over the fresh set's messages with the three menus loaded (p50/p99 measured from each request's scheduled start, so a stall counts
 * against every request it delays), its accuracy, and the cost per 1,000 customer messages through the provider
 * cascade at the configured prices (WireMock stand-ins answering with realistic token counts; cost read back from the
 * ledger in PostgreSQL). Not part of the normal test run: {@code ai-service/bench/nlu.sh}.
 */
class NluBenchmark {

    static final PersonalDataCipher AT_REST_CIPHER = new PersonalDataCipher(Keysets.newPersonalDataKeyset());
    static final LookupHash AT_REST_HASH = new LookupHash(Keysets.newLookupKeyset());

    static final int RATE_PER_SECOND = Integer.getInteger("nlu.rate", 100);
    static final int SECONDS = Integer.getInteger("nlu.seconds", 30);
    static final int WARMUP_SECONDS = Integer.getInteger("nlu.warmup", 5);
    /** Realistic usage of one intent call: our prompt (rules, JSON schema, ≤ 25 candidate items) and a short JSON answer. */
    static final int PROMPT_TOKENS = Integer.getInteger("nlu.promptTokens", 720);

    static final int OUTPUT_TOKENS = Integer.getInteger("nlu.outputTokens", 85);

    static final int CV_FOLDS = Integer.getInteger("nlu.folds", 5);

    @Test
    void nlu() throws Exception {
        BenchmarkLog log =
                new BenchmarkLog("nlu", "ai-service/bench/nlu.sh (rate=%d/s, %ds)".formatted(RATE_PER_SECOND, SECONDS));
        LuceneMenuIndex menus = new LuceneMenuIndex();
        NluCorpus.menus().forEach(menus::publish);
        OfflineEngine engine = new OfflineEngine(
                menus,
                new LuceneSpellingCorrector(menus),
                co.wpfoods.ai.understanding.adapter.out.opennlp.OpenNlpIntentModel.standard());
        List<NluCorpus.Labelled> test = NluCorpus.split("test");
        List<NluCorpus.Labelled> fresh = NluCorpus.fresh();

        NluEvaluation.Report quality = NluEvaluation.evaluate(fresh, engine::understand);
        System.out.println("quality on the fresh set: " + quality);
        NluEvaluation.Report onTest = NluEvaluation.evaluate(test, engine::understand);
        System.out.println("quality on the test part: " + onTest);
        NluEvaluation.ContextReport onContext = NluEvaluation.evaluateContext(NluCorpus.context(), engine::understand);
        System.out.println("quality on the context set: " + onContext);
        onContext.errors().forEach(e -> System.out.println("quality context miss: " + e));
        var training = co.wpfoods.ai.understanding.application.IntentTrainingData.load();
        var settings = co.wpfoods.ai.understanding.adapter.out.opennlp.OpenNlpIntentModel.Settings.load();
        var cv = co.wpfoods.ai.nlu.IntentCrossValidation.run(training, settings, CV_FOLDS, 7);
        System.out.println("cross-validation by template: " + cv);

        List<UnderstandRequest> requests = fresh.stream()
                .map(u -> UnderstandRequest.of(u.role(), u.text(), u.restaurantId()))
                .toList();
        run(r -> engine.understand(r), requests, WARMUP_SECONDS, new double[1]);
        double[] service = new double[RATE_PER_SECOND * SECONDS];
        double[] latencies = run(r -> engine.understand(r), requests, SECONDS, service);
        Arrays.sort(latencies);
        Arrays.sort(service);
        // baseline in the same run: the same schedule doing almost nothing, so the machine's own stalls show
        double[] baseline = run(
                r -> r.text().toLowerCase(java.util.Locale.ROOT),
                requests,
                SECONDS,
                new double[RATE_PER_SECOND * SECONDS]);
        Arrays.sort(baseline);

        log.record("intent_accuracy", quality.intentAccuracy() * 100, "%");
        log.record("item_f1", quality.itemF1(), "ratio");
        log.record("abstained_pct", quality.abstained() * 100, "%");
        log.record("accuracy_on_answered", quality.accuracyOnAnswered() * 100, "%");
        log.record("test_part_intent_accuracy", onTest.intentAccuracy() * 100, "%");
        log.record("test_part_item_f1", onTest.itemF1(), "ratio");
        log.record("context_intent_accuracy", onContext.intentAccuracy() * 100, "%");
        log.record("context_exchange_accuracy", onContext.exchangeAccuracy() * 100, "%");
        log.record("cv_by_template_accuracy", cv.accuracy() * 100, "%");
        log.record("cv_fitted_temperature", cv.temperature(), "ratio");
        log.record("cv_expected_calibration_error", cv.expectedCalibrationError(), "ratio");
        log.record("p50_ms", percentile(latencies, 50), "ms");
        log.record("p99_ms", percentile(latencies, 99), "ms");
        log.record("max_ms", latencies[latencies.length - 1], "ms");
        log.record("service_p50_ms", percentile(service, 50), "ms");
        log.record("service_p99_ms", percentile(service, 99), "ms");
        log.record("baseline_noop_p99_ms", percentile(baseline, 99), "ms");
        log.record("requests", latencies.length, "count");

        Costs costs = cascadeCosts(menus, engine, test);
        log.record("cost_per_1000_msgs_usd", costs.geminiFirst().doubleValue(), "USD");
        log.record("cost_per_1000_msgs_usd_gemini_down", costs.geminiDown().doubleValue(), "USD");
        log.record("cost_per_1000_msgs_usd_all_down_offline", costs.allDown().doubleValue(), "USD");
        log.record(
                "cost_per_1000_msgs_usd_offline_first_0_8", costs.offlineFirst().doubleValue(), "USD");
        assertThat(latencies).isNotEmpty();
    }

    /** Requests at a fixed rate for {@code seconds}; returns each one's latency in ms from its scheduled start. */
    static double[] run(
            java.util.function.Consumer<UnderstandRequest> work,
            List<UnderstandRequest> requests,
            int seconds,
            double[] service)
            throws InterruptedException {
        int total = RATE_PER_SECOND * seconds;
        double[] latencies = new double[total];
        long periodNanos = 1_000_000_000L / RATE_PER_SECOND;
        ExecutorService workers = Executors.newFixedThreadPool(4);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime() + 20_000_000;
        for (int i = 0; i < total; i++) {
            final int n = i;
            long due = start + n * periodNanos;
            ticker.schedule(
                    () -> workers.execute(() -> {
                        long begin = System.nanoTime();
                        work.accept(requests.get(n % requests.size()));
                        long end = System.nanoTime();
                        latencies[n] = (end - due) / 1_000_000.0;
                        if (n < service.length) {
                            service[n] = (end - begin) / 1_000_000.0;
                        }
                    }),
                    due - System.nanoTime(),
                    TimeUnit.NANOSECONDS);
        }
        ticker.shutdown();
        ticker.awaitTermination(seconds + 30L, TimeUnit.SECONDS);
        workers.shutdown();
        workers.awaitTermination(60, TimeUnit.SECONDS);
        return latencies;
    }

    static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    record Costs(BigDecimal geminiFirst, BigDecimal geminiDown, BigDecimal allDown, BigDecimal offlineFirst) {}

    static final double OFFLINE_FIRST = Double.parseDouble(System.getProperty("nlu.offlineFirst", "0.8"));

    /** The same messages through UnderstandingService with wpfoods.ai.offline-first-confidence set (no cache). */
    static BigDecimal costPer1000Gated(
            UsageLedger ledger,
            ProviderCascade cascade,
            OfflineEngine offline,
            LuceneMenuIndex menus,
            List<UnderstandRequest> messages,
            double threshold) {
        Instant from = Instant.now();
        var service = new co.wpfoods.ai.understanding.application.UnderstandingService(
                offline,
                cascade,
                menus,
                new co.wpfoods.ai.understanding.application.ResultCache<>(0, Duration.ZERO, Clock.systemUTC()),
                ledger,
                threshold);
        for (int i = 0; i < messages.size(); i++) {
            service.understand(messages.get(i), "gated-" + i);
        }
        BigDecimal total = ledger.summary(from).stream()
                .map(UsageLedger.Summary::costUsd)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        long n = ledger.volume(from).messages();
        BigDecimal per1000 =
                total.multiply(BigDecimal.valueOf(1000)).divide(BigDecimal.valueOf(n), 6, RoundingMode.HALF_UP);
        System.out.printf(
                "cascade %-12s messages=%d cost=%s USD per1000=%s USD calls=%s%n",
                "offline-first", n, total, per1000, ledger.summary(from));
        return per1000;
    }

    /** Every customer message of the test part through the cascade, three times: all up, Gemini down, all down. */
    static Costs cascadeCosts(LuceneMenuIndex menus, OfflineEngine offline, List<NluCorpus.Labelled> test) {
        ProviderStandIns standIns = new ProviderStandIns().start();
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            PostgresServer pg = PostgresServer.shared();
            DriverManagerDataSource ds =
                    new DriverManagerDataSource(pg.jdbcUrl(pg.createDatabase("ai_bench")), "postgres", "postgres");
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .javaMigrations(new V3__Encrypt_personal_data(AT_REST_CIPHER, AT_REST_HASH))
                    .load()
                    .migrate();
            JdbcClient jdbc = JdbcClient.create(ds);
            UsageLedger ledger = new JdbcUsageLedger(jdbc, AT_REST_HASH, Clock.systemUTC());
            List<UnderstandRequest> customer = test.stream()
                    .filter(u -> u.role() == Role.CUSTOMER)
                    .map(u -> UnderstandRequest.of(u.role(), u.text(), u.restaurantId()))
                    .toList();
            String answer = """
                    {"intent": "greet", "confidence": 0.9, "language": "es", "items": [], "address": null, "time": null,
                     "paymentMethod": null, "pin": null, "orderReference": null}
                    """;
            standIns.geminiAnswers(answer, PROMPT_TOKENS, OUTPUT_TOKENS);
            standIns.openaiAnswers(answer, PROMPT_TOKENS, OUTPUT_TOKENS);
            standIns.anthropicAnswers(answer, PROMPT_TOKENS, OUTPUT_TOKENS);
            BigDecimal up =
                    costPer1000(ledger, cascade(standIns, menus, offline, ledger, executor), offline, customer, "up");

            BigDecimal offlineFirst = costPer1000Gated(
                    ledger,
                    cascade(standIns, menus, offline, ledger, executor),
                    offline,
                    menus,
                    customer,
                    OFFLINE_FIRST);

            standIns.gemini.resetAll();
            standIns.geminiFails(503);
            BigDecimal geminiDown = costPer1000(
                    ledger, cascade(standIns, menus, offline, ledger, executor), offline, customer, "gemini-down");

            standIns.openai.resetAll();
            standIns.openaiFails(503);
            standIns.anthropic.resetAll();
            standIns.anthropicFails(503);
            BigDecimal allDown = costPer1000(
                    ledger, cascade(standIns, menus, offline, ledger, executor), offline, customer, "all-down");
            return new Costs(up, geminiDown, allDown, offlineFirst);
        } finally {
            standIns.stop();
            executor.close();
        }
    }

    static BigDecimal costPer1000(
            UsageLedger ledger,
            ProviderCascade cascade,
            OfflineEngine offline,
            List<UnderstandRequest> messages,
            String run) {
        Instant from = Instant.now();
        for (int i = 0; i < messages.size(); i++) {
            var r = messages.get(i);
            var answer = cascade.understand(r, run + "-" + i).orElseGet(() -> offline.understand(r));
            ledger.countMessage(answer.engine().wireName(), run + "-" + i);
        }
        BigDecimal total = ledger.summary(from).stream()
                .map(UsageLedger.Summary::costUsd)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        long n = ledger.volume(from).messages();
        BigDecimal per1000 =
                total.multiply(BigDecimal.valueOf(1000)).divide(BigDecimal.valueOf(n), 6, RoundingMode.HALF_UP);
        System.out.printf(
                "cascade %-12s messages=%d cost=%s USD per1000=%s USD calls=%s%n",
                run, n, total, per1000, ledger.summary(from));
        return per1000;
    }

    static ProviderCascade cascade(
            ProviderStandIns s,
            LuceneMenuIndex menus,
            OfflineEngine offline,
            UsageLedger ledger,
            ExecutorService executor) {
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        List<GuardedProvider> providers = new ArrayList<>();
        // prices and quotas as in application.yml
        providers.add(guard(
                Engine.GEMINI,
                "gemini-2.5-flash",
                s.geminiBaseUrl(),
                "0.30",
                "2.50",
                1500,
                ledger,
                executor,
                breakers));
        providers.add(guard(
                Engine.OPENAI, "gpt-4o-mini", s.openaiBaseUrl(), "0.15", "0.60", 5000, ledger, executor, breakers));
        providers.add(guard(
                Engine.ANTHROPIC,
                "claude-sonnet-4-20250514",
                s.anthropicBaseUrl(),
                "3.00",
                "15.00",
                1000,
                ledger,
                executor,
                breakers));
        return new ProviderCascade(providers, menus, offline);
    }

    static GuardedProvider guard(
            Engine engine,
            String model,
            String baseUrl,
            String in,
            String out,
            long dailyRequests,
            UsageLedger ledger,
            ExecutorService executor,
            CircuitBreakerRegistry breakers) {
        ProviderProperties p = new ProviderProperties(
                "bench-key",
                baseUrl,
                model,
                Duration.ofSeconds(10),
                dailyRequests,
                10_000_000,
                new BigDecimal(in),
                new BigDecimal(out),
                512,
                1_000_000,
                100,
                Duration.ofSeconds(30));
        var chat = switch (engine) {
            case GEMINI -> ChatModels.gemini(p);
            case OPENAI -> ChatModels.openAi(p);
            default -> ChatModels.anthropic(p);
        };
        return AiConfiguration.guard(
                new SpringAiChatProvider(engine, model, chat), p, ledger, executor, breakers, Clock.systemUTC());
    }
}
