package co.wpfoods.ai.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.ai.menus.adapter.out.lucene.LuceneMenuIndex;
import co.wpfoods.ai.nlu.NluCorpus;
import co.wpfoods.ai.privacy.adapter.out.db.V3__Encrypt_personal_data;
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
import co.wpfoods.ai.understanding.domain.Intent;
import co.wpfoods.ai.understanding.domain.Role;
import co.wpfoods.ai.understanding.domain.Understanding;
import co.wpfoods.security.crypto.Keysets;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.testing.PostgresServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The provider cascade against WireMock stand-ins of Gemini, OpenAI and Anthropic, through the real Spring AI clients,
 * the real resilience4j guards and the real ledger in PostgreSQL.
 */
class ProviderCascadeTest {

    static final PersonalDataCipher AT_REST_CIPHER = new PersonalDataCipher(Keysets.newPersonalDataKeyset());
    static final LookupHash AT_REST_HASH = new LookupHash(Keysets.newLookupKeyset());

    static final String HAMBURGUESAS = """
            {"intent": "add_to_cart", "confidence": 0.93, "language": "es",
             "items": [{"name": "Hamburguesa Clásica", "quantity": 2, "modifiers": ["sin cebolla"]}],
             "address": "la 85 con 11", "time": null, "paymentMethod": null, "pin": null, "orderReference": null}
            """;
    static final UnderstandRequest REQUEST =
            UnderstandRequest.of(Role.CUSTOMER, "kiero 2 hamburgesas sin cebolla pa la 85 con 11", "r-brasa");

    static ProviderStandIns standIns;
    static LuceneMenuIndex menus;
    static OfflineEngine offline;
    static JdbcClient jdbc;
    static UsageLedger ledger;
    static ExecutorService executor;

    CircuitBreakerRegistry breakers;

    @BeforeAll
    static void start() {
        standIns = new ProviderStandIns().start();
        menus = new LuceneMenuIndex();
        NluCorpus.menus().forEach(menus::publish);
        offline = new OfflineEngine(
                menus,
                new LuceneSpellingCorrector(menus),
                co.wpfoods.ai.understanding.adapter.out.opennlp.OpenNlpIntentModel.standard());
        PostgresServer pg = PostgresServer.shared();
        String url = pg.jdbcUrl(pg.createDatabase("ai_cascade"));
        DriverManagerDataSource ds = new DriverManagerDataSource(url, "postgres", "postgres");
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .javaMigrations(new V3__Encrypt_personal_data(AT_REST_CIPHER, AT_REST_HASH))
                .load()
                .migrate();
        jdbc = JdbcClient.create(ds);
        ledger = new JdbcUsageLedger(jdbc, AT_REST_HASH, Clock.systemUTC());
        executor = Executors.newVirtualThreadPerTaskExecutor();
    }

    @AfterAll
    static void stop() {
        standIns.stop();
        executor.close();
    }

    @BeforeEach
    void freshStandInsAndBreakers() {
        standIns.reset();
        breakers = CircuitBreakerRegistry.ofDefaults();
        jdbc.sql("delete from ai_usage").update();
    }

    @Test
    void gemini_answers_first_and_its_items_are_resolved_against_the_menu() {
        standIns.geminiAnswers(HAMBURGUESAS, 412, 58);
        standIns.openaiAnswers(HAMBURGUESAS, 420, 60);

        Understanding u = cascade(props(), props(), props())
                .understand(REQUEST, "order-1")
                .orElseThrow();

        assertThat(u.engine()).isEqualTo(Engine.GEMINI);
        assertThat(u.intent()).isEqualTo(Intent.ADD_TO_CART);
        assertThat(u.entities().items()).singleElement().satisfies(i -> {
            assertThat(i.itemId()).isEqualTo("br-hamburguesa-clasica");
            assertThat(i.quantity()).isEqualTo(2);
        });
        assertThat(u.entities().address().normalized()).isEqualTo("85 con 11");
        standIns.openai.verify(0, postRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void a_failing_provider_hands_over_to_the_next_in_order() {
        standIns.geminiFails(503);
        standIns.openaiFails(500);
        standIns.anthropicAnswers(HAMBURGUESAS, 450, 70);

        Understanding u = cascade(props(), props(), props())
                .understand(REQUEST, "order-2")
                .orElseThrow();

        assertThat(u.engine()).isEqualTo(Engine.ANTHROPIC);
        assertThat(outcomes()).containsExactly("gemini:ERROR", "openai:ERROR", "anthropic:OK");
    }

    @Test
    void when_every_provider_fails_the_cascade_is_empty_so_the_offline_engine_answers() {
        standIns.geminiFails(500);
        standIns.openaiFails(429);
        standIns.anthropicFails(529);

        assertThat(cascade(props(), props(), props()).understand(REQUEST, "order-3"))
                .isEmpty();
        assertThat(offline.understand(REQUEST).intent()).isEqualTo(Intent.ADD_TO_CART);
    }

    @Test
    void a_slow_provider_is_cut_off_at_its_timeout() {
        // the slow answer would take 8 s; the cut-off at 300 ms must not wait for it (a generous bound, so a busy
        // machine's scheduling does not decide the test — the outcomes below say it was a timeout)
        standIns.geminiSlow(HAMBURGUESAS, 8_000);
        standIns.openaiAnswers(HAMBURGUESAS, 420, 60);
        ProviderProperties fast = props(Duration.ofMillis(300), 1000, 1_000_000, 5);

        long start = System.nanoTime();
        Understanding u =
                cascade(fast, props(), props()).understand(REQUEST, "order-4").orElseThrow();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        assertThat(u.engine()).isEqualTo(Engine.OPENAI);
        assertThat(outcomes()).containsExactly("gemini:TIMEOUT", "openai:OK");
    }

    @Test
    void the_breaker_opens_after_failures_skips_the_provider_and_closes_again_when_it_recovers() {
        standIns.geminiFails(500);
        standIns.openaiAnswers(HAMBURGUESAS, 420, 60);
        ProviderProperties flaky = new ProviderProperties(
                "k",
                standIns.geminiBaseUrl(),
                "gemini-2.5-flash",
                Duration.ofSeconds(10),
                1000,
                1_000_000,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                256,
                3,
                50,
                Duration.ofMillis(700));
        ProviderCascade cascade = cascade(flaky, props(), props());

        for (int i = 0; i < 3; i++) {
            assertThat(cascade.understand(REQUEST, "b").orElseThrow().engine()).isEqualTo(Engine.OPENAI);
        }
        CircuitBreaker breaker = cascade.providers().get(0).breaker();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        cascade.understand(REQUEST, "b");
        standIns.gemini.verify(3, postRequestedFor(urlPathMatching(".*")));
        assertThat(outcomes()).contains("gemini:CIRCUIT_OPEN");

        standIns.gemini.resetAll();
        standIns.geminiAnswers(HAMBURGUESAS, 412, 58);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> cascade.understand(REQUEST, "b").orElseThrow().engine() == Engine.GEMINI);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void a_spent_daily_request_quota_skips_the_provider() {
        standIns.geminiAnswers(HAMBURGUESAS, 412, 58);
        standIns.openaiAnswers(HAMBURGUESAS, 420, 60);
        ProviderCascade cascade = cascade(props(Duration.ofSeconds(10), 2, 1_000_000, 5), props(), props());

        assertThat(cascade.understand(REQUEST, "q").orElseThrow().engine()).isEqualTo(Engine.GEMINI);
        assertThat(cascade.understand(REQUEST, "q").orElseThrow().engine()).isEqualTo(Engine.GEMINI);
        assertThat(cascade.understand(REQUEST, "q").orElseThrow().engine()).isEqualTo(Engine.OPENAI);
        assertThat(outcomes()).containsExactly("gemini:OK", "gemini:OK", "gemini:QUOTA_EXHAUSTED", "openai:OK");
    }

    @Test
    void a_spent_daily_token_quota_skips_the_provider() {
        standIns.geminiAnswers(HAMBURGUESAS, 412, 88);
        standIns.openaiAnswers(HAMBURGUESAS, 420, 60);
        ProviderCascade cascade = cascade(props(Duration.ofSeconds(10), 1000, 500, 5), props(), props());

        assertThat(cascade.understand(REQUEST, "t").orElseThrow().engine()).isEqualTo(Engine.GEMINI);
        assertThat(cascade.understand(REQUEST, "t").orElseThrow().engine()).isEqualTo(Engine.OPENAI);
    }

    @Test
    void malformed_output_and_answers_that_do_not_hold_up_are_rejected_and_the_next_provider_answers() {
        standIns.geminiAnswers("Claro, te agrego dos hamburguesas 🍔", 400, 20);
        standIns.openaiAnswers("""
                {"intent": "order_pizza", "confidence": 0.9, "items": []}
                """, 420, 30);
        standIns.anthropicAnswers("""
                {"intent": "add_to_cart", "confidence": 0.9, "items": [{"name": "Sushi de salmón", "quantity": 2}]}
                """, 450, 40);

        assertThat(cascade(props(), props(), props()).understand(REQUEST, "m")).isEmpty();
        assertThat(outcomes()).containsExactly("gemini:MALFORMED", "openai:REJECTED", "anthropic:REJECTED");
    }

    @Test
    void every_call_is_in_the_ledger_with_tokens_and_cost_from_the_price_table() {
        standIns.geminiFails(500);
        standIns.openaiAnswers(HAMBURGUESAS, 420, 60);
        ProviderProperties openai = new ProviderProperties(
                "k",
                standIns.openaiBaseUrl(),
                "gpt-4o-mini",
                Duration.ofSeconds(10),
                1000,
                1_000_000,
                new BigDecimal("0.15"),
                new BigDecimal("0.60"),
                256,
                5,
                50,
                Duration.ofSeconds(30));

        cascade(props(), openai, props()).understand(REQUEST, "order-9");

        Map<String, Object> row = jdbc.sql(
                        "select provider, model, input_tokens, output_tokens, cost_usd, outcome, correlation_hash "
                                + "from ai_usage where provider = 'openai'")
                .query()
                .singleRow();
        assertThat(row)
                .containsEntry("model", "gpt-4o-mini")
                .containsEntry("input_tokens", 420L)
                .containsEntry("output_tokens", 60L)
                .containsEntry("outcome", "OK")
                .containsEntry("correlation_hash", AT_REST_HASH.hash("order-9"));
        // 420 × 0.15 / 1e6 + 60 × 0.60 / 1e6
        assertThat((BigDecimal) row.get("cost_usd")).isEqualByComparingTo("0.000099");
        assertThat(ledger.summary(Instant.EPOCH))
                .extracting(UsageLedger.Summary::provider)
                .contains("gemini", "openai");
    }

    @Test
    void offline_first_asks_the_providers_only_when_the_offline_engine_is_unsure() {
        standIns.geminiAnswers("""
                {"intent": "help", "confidence": 0.7, "language": "es", "items": []}
                """, 300, 20);
        var service = new co.wpfoods.ai.understanding.application.UnderstandingService(
                offline,
                cascade(props(), props(), props()),
                menus,
                new co.wpfoods.ai.understanding.application.ResultCache<>(0, Duration.ZERO, Clock.systemUTC()),
                ledger,
                0.6);

        var sure = service.understand(UnderstandRequest.of(Role.CUSTOMER, "cancela el pedido", null), "g-1");
        var unsure = service.understand(UnderstandRequest.of(Role.CUSTOMER, "mmm blorp zzz", null), "g-2");

        assertThat(sure.understanding().engine()).isEqualTo(Engine.OFFLINE);
        assertThat(unsure.understanding().engine()).isEqualTo(Engine.GEMINI);
        standIns.gemini.verify(1, postRequestedFor(urlPathMatching(".*")));
    }

    // --- fixtures

    ProviderProperties props() {
        return props(Duration.ofSeconds(10), 1000, 1_000_000, 5);
    }

    ProviderProperties props(Duration timeout, long dailyRequests, long dailyTokens, int breakerMinimumCalls) {
        return new ProviderProperties(
                "test-key",
                "",
                "",
                timeout,
                dailyRequests,
                dailyTokens,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                256,
                breakerMinimumCalls,
                50,
                Duration.ofSeconds(30));
    }

    ProviderCascade cascade(ProviderProperties gemini, ProviderProperties openai, ProviderProperties anthropic) {
        GuardedProvider g = AiConfiguration.guard(
                new SpringAiChatProvider(
                        Engine.GEMINI,
                        "gemini-2.5-flash",
                        ChatModels.gemini(with(gemini, standIns.geminiBaseUrl(), "gemini-2.5-flash"))),
                gemini,
                ledger,
                executor,
                breakers,
                Clock.systemUTC());
        GuardedProvider o = AiConfiguration.guard(
                new SpringAiChatProvider(
                        Engine.OPENAI,
                        "gpt-4o-mini",
                        ChatModels.openAi(with(openai, standIns.openaiBaseUrl(), "gpt-4o-mini"))),
                openai,
                ledger,
                executor,
                breakers,
                Clock.systemUTC());
        GuardedProvider a = AiConfiguration.guard(
                new SpringAiChatProvider(
                        Engine.ANTHROPIC,
                        "claude-sonnet-4-20250514",
                        ChatModels.anthropic(with(anthropic, standIns.anthropicBaseUrl(), "claude-sonnet-4-20250514"))),
                anthropic,
                ledger,
                executor,
                breakers,
                Clock.systemUTC());
        return new ProviderCascade(List.of(g, o, a), menus, offline);
    }

    static ProviderProperties with(ProviderProperties p, String baseUrl, String model) {
        return new ProviderProperties(
                p.apiKey(),
                baseUrl,
                model,
                p.timeout(),
                p.dailyRequests(),
                p.dailyTokens(),
                p.inputUsdPerMillion(),
                p.outputUsdPerMillion(),
                p.maxOutputTokens(),
                p.breakerMinimumCalls(),
                p.breakerFailureRatePercent(),
                p.breakerOpenFor());
    }

    List<String> outcomes() {
        return jdbc.sql("select provider || ':' || outcome from ai_usage order by id")
                .query(String.class)
                .list();
    }

    static Optional<String> unused() {
        return Optional.empty();
    }
}
