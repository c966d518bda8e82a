package co.wpfoods.messaging.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.messaging.sending.adapter.out.graph.GraphBodies;
import co.wpfoods.messaging.sending.application.Dispatcher;
import co.wpfoods.messaging.sending.application.PersonalDataColumns;
import co.wpfoods.schemas.Headers;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.messaging.FailureStage;
import co.wpfoods.schemas.messaging.OutboundFailed;
import co.wpfoods.schemas.serde.AvroSerde;
import co.wpfoods.schemas.serde.AvroSerializer;
import co.wpfoods.schemas.wa.DeliveryState;
import co.wpfoods.schemas.wa.OutboundCommand;
import co.wpfoods.schemas.wa.OutboundDeadLetter;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.testing.EmbeddedInfra;
import co.wpfoods.testing.KafkaServer;
import co.wpfoods.testing.KafkaTestConsumer;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The outbound path end to end in one application context: Kafka in, the real sender, WireMock as the Graph API,
 * the outbox out. Every test uses fresh recipients so they do not see each other's messages.
 */
@EmbeddedInfra
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SendingIT {

    static final String TOKEN = "test-token";
    static final Duration GRACE = Duration.ofSeconds(3);
    static final String MESSAGES = "/v23.0/" + Fixtures.PHONE_NUMBER_ID + "/messages";
    static final WireMockServer graph = new WireMockServer(options().dynamicPort());
    static KafkaProducer<String, SpecificRecord> producer;
    static KafkaTestConsumer deadLetters;
    static KafkaTestConsumer failures;
    final AvroSerde serde = AvroSerde.standard();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    LookupHash lookupHash;

    @Autowired
    PersonalDataCipher cipher;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        graph.start();
        registry.add("wpfoods.messaging.graph.base-url", graph::baseUrl);
        registry.add("wpfoods.messaging.graph.access-token", () -> TOKEN);
        registry.add("wpfoods.messaging.throughput.messages-per-second", () -> "200");
        registry.add("wpfoods.messaging.pair.backoff-unit", () -> "300ms");
        registry.add("wpfoods.messaging.pair.max-backoff", () -> "2s");
        // after a 131056 the pair bucket is empty; refill fast so the test does not wait 6 s per message
        registry.add("wpfoods.messaging.pair.refill-period", () -> "100ms");
        registry.add("wpfoods.messaging.graph.request-timeout", () -> "1s");
        registry.add("wpfoods.messaging.retry.initial-interval", () -> "100ms");
        registry.add("wpfoods.messaging.retry.max-interval", () -> "400ms");
        registry.add("wpfoods.messaging.retry.max-attempts", () -> "6");
        registry.add("wpfoods.messaging.window.grace", () -> "300ms");
        registry.add("wpfoods.messaging.sender.poll-interval", () -> "50ms");
        registry.add("wpfoods.messaging.sender.lease", () -> "5s");
        registry.add("wpfoods.messaging.sender.token-probe-interval", () -> "200ms");
        registry.add("wpfoods.messaging.sender.unanswered-grace", () -> GRACE.toMillis() + "ms");
        registry.add("wpfoods.messaging.sender.gauge-refresh-interval", () -> "200ms");
        registry.add("wpfoods.messaging.breaker.minimum-calls", () -> "1000");
        registry.add("wpfoods.kafka.retry-initial-interval", () -> "50ms");
    }

    @BeforeAll
    static void clients() {
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        KafkaServer.shared().bootstrapServers()),
                new StringSerializer(),
                new AvroSerializerAdapter());
        deadLetters = new KafkaTestConsumer(KafkaServer.shared().bootstrapServers(), Topics.WhatsApp.OUTBOUND_DLQ);
        failures = new KafkaTestConsumer(KafkaServer.shared().bootstrapServers(), Topics.Messaging.DELIVERY);
    }

    @AfterAll
    static void close() {
        producer.close();
        deadLetters.close();
        failures.close();
        graph.stop();
    }

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeEach
    void freshStandIn() {
        graph.resetAll();
        metaAcceptsEverything();
        // a shared 2-core machine can be slow; and the first test must not race the consumers' group join
        Awaitility.setDefaultTimeout(Duration.ofSeconds(30));
        for (String id : List.of("messaging-outbound", "messaging-windows", "messaging-statuses")) {
            var container = listeners.getListenerContainer(id);
            await().until(() -> container.getAssignedPartitions() != null
                    && !container.getAssignedPartitions().isEmpty());
        }
    }

    /** Meta accepts every send and the token probe (replaces the stubs, keeps the request journal). */
    void metaAcceptsEverything() {
        graph.resetMappings();
        graph.stubFor(post(urlEqualTo(MESSAGES))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
                                        + "\"messages\":[{\"id\":\"wamid.{{randomValue length=24 type='ALPHANUMERIC'}}\"}]}")
                        .withTransformers("response-template")));
        graph.stubFor(get(urlPathEqualTo("/v23.0/" + Fixtures.PHONE_NUMBER_ID))
                .atPriority(10)
                .willReturn(aResponse().withStatus(200).withBody("{\"id\":\"" + Fixtures.PHONE_NUMBER_ID + "\"}")));
    }

    @Test
    void sends_inside_the_window_exactly_the_rendered_body_with_the_bearer_token_and_records_the_wamid() {
        String camila = Fixtures.newWaId();
        publish(Topics.WhatsApp.INBOUND_CUSTOMER, camila, Fixtures.inboundText(camila, Instant.now()));
        await().until(() -> windowOf(camila).isPresent());

        OutboundCommand command = Fixtures.to(camila).text("Tu pedido #8841 está en camino 🛵", true);
        publish(Topics.WhatsApp.OUTBOUND, camila, command);

        await().until(() -> "accepted".equals(stateOf(command.getCommandId())));
        List<LoggedRequest> sent = postsTo(camila);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(equalToJson(GraphBodies.json(command))
                        .match(sent.get(0).getBodyAsString())
                        .isExactMatch())
                .isTrue();
        assertThat(wamidOf(command.getCommandId())).startsWith("wamid.");
    }

    @Test
    void outside_the_window_sends_the_fallback_template_instead() {
        String camila = Fixtures.newWaId();
        OutboundCommand command = Fixtures.to(camila)
                .fallbackTemplate(Fixtures.orderUpdateTemplate())
                .text("Tu pedido está listo");
        publish(Topics.WhatsApp.OUTBOUND, camila, command);

        await().until(() -> "accepted".equals(stateOf(command.getCommandId())));
        List<LoggedRequest> sent = postsTo(camila);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getBodyAsString()).contains("\"type\":\"template\"", "\"name\":\"pedido_actualizado\"");
    }

    @Test
    void outside_the_window_without_a_template_is_dead_lettered_and_never_sent() {
        String camila = Fixtures.newWaId();
        OutboundCommand command = Fixtures.to(camila).text("Hola de nuevo");
        publish(Topics.WhatsApp.OUTBOUND, camila, command);

        OutboundDeadLetter letter = await().until(() -> deadLetterFor(command.getCommandId()), Optional::isPresent)
                .orElseThrow();
        assertThat(letter.getReason()).isEqualTo("outside_window_no_template");
        assertThat(stateOf(command.getCommandId())).isEqualTo("dead_lettered");
        assertThat(postsTo(camila)).isEmpty();
        OutboundFailed failed = await().until(() -> failureFor(command.getCommandId()), Optional::isPresent)
                .orElseThrow();
        assertThat(failed.getStage()).isEqualTo(FailureStage.SEND);
    }

    @Test
    void a_record_that_is_not_a_command_goes_to_the_dead_letter_topic_and_the_commands_around_it_are_sent() {
        String camila = openWindowFor(Fixtures.newWaId());
        OutboundCommand before = Fixtures.to(camila).text("Antes");
        OutboundCommand after = Fixtures.to(camila).text("Después");
        try (var dlt = new KafkaTestConsumer(
                KafkaServer.shared().bootstrapServers(), Topics.deadLetterOf(Topics.WhatsApp.OUTBOUND))) {
            publish(Topics.WhatsApp.OUTBOUND, camila, before);
            SpecificRecord notACommand = Fixtures.inboundText(camila, Instant.now());
            publish(Topics.WhatsApp.OUTBOUND, camila, notACommand);
            publish(Topics.WhatsApp.OUTBOUND, camila, after);

            await().until(() -> "accepted".equals(stateOf(after.getCommandId())));
            assertThat(stateOf(before.getCommandId())).isEqualTo("accepted");
            var letter = await().until(
                            () -> dlt.poll().stream()
                                    .filter(r -> camila.equals(r.key()))
                                    .findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
            assertThat(serde.decode(letter.value())).isEqualTo(notACommand);
            assertThat(KafkaTestConsumer.header(letter, "kafka_dlt-exception-fqcn"))
                    .isNotNull();
        }
        assertThat(postsTo(camila)).hasSize(2);
    }

    @Test
    void a_command_delivered_twice_by_kafka_is_sent_once() {
        String camila = openWindowFor(Fixtures.newWaId());
        OutboundCommand command = Fixtures.to(camila).text("Confirmado");
        publish(Topics.WhatsApp.OUTBOUND, camila, command);
        publish(Topics.WhatsApp.OUTBOUND, camila, command);
        OutboundCommand marker = Fixtures.to(camila).text("Después");
        publish(Topics.WhatsApp.OUTBOUND, camila, marker);

        await().until(() -> "accepted".equals(stateOf(marker.getCommandId())));
        assertThat(postsTo(camila)).hasSize(2);
    }

    @Test
    void permanent_errors_go_to_the_dead_letter_topic_with_meta_code() {
        Map<Integer, String> recipients = Map.of(
                131026, openWindowFor(Fixtures.newWaId()),
                131051, openWindowFor(Fixtures.newWaId()),
                100, openWindowFor(Fixtures.newWaId()));
        List<OutboundCommand> commands = new ArrayList<>();
        recipients.forEach((code, waId) -> {
            failFor(waId, 400, code, null, null, null);
            OutboundCommand command = Fixtures.to(waId).text("Hola");
            commands.add(command);
            publish(Topics.WhatsApp.OUTBOUND, waId, command);
        });

        for (OutboundCommand command : commands) {
            OutboundDeadLetter letter = await().until(() -> deadLetterFor(command.getCommandId()), Optional::isPresent)
                    .orElseThrow();
            String waId = command.getTo().getWaId();
            int code = recipients.entrySet().stream()
                    .filter(e -> e.getValue().equals(waId))
                    .findFirst()
                    .orElseThrow()
                    .getKey();
            assertThat(letter.getReason()).isEqualTo("graph_error");
            assertThat(letter.getErrorCode()).isEqualTo(code);
            assertThat(postsTo(waId)).hasSize(1);
        }
    }

    @Test
    void order_per_recipient_holds_under_throughput_pair_and_server_errors() {
        String restaurant = openWindowFor(Fixtures.newWaId());
        // the first message meets 130429, a 503, 131056, a 500 and a timeout (which Meta still accepted); then 200s
        failFor(restaurant, 400, 130429, Scenario.STARTED, "2", null);
        failFor(restaurant, 503, 2, "2", "3", null);
        failFor(restaurant, 400, 131056, "3", "4", null);
        failFor(restaurant, 500, 1, "4", "5", null);
        graph.stubFor(post(urlEqualTo(MESSAGES))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo("+" + restaurant)))
                .inScenario("errors-" + restaurant)
                .whenScenarioStateIs("5")
                .willSetStateTo("ok")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withFixedDelay(1500)
                        .withBody("{\"messages\":[{\"id\":\"wamid.LATE\"}]}")));
        List<OutboundCommand> commands = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            OutboundCommand command = Fixtures.to(restaurant).text("Pedido nuevo #" + i);
            commands.add(command);
            publish(Topics.WhatsApp.OUTBOUND, restaurant, command);
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "accepted".equals(stateOf(commands.get(5).getCommandId())));
        List<String> order = new ArrayList<>();
        for (LoggedRequest request : postsTo(restaurant)) {
            String body = request.getBodyAsString().replaceAll(".*Pedido nuevo #(\\d).*", "$1");
            if (order.isEmpty() || !order.getLast().equals(body)) {
                order.add(body);
            }
        }
        assertThat(order).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(postsTo(restaurant)).hasSize(11);
        commands.forEach(c -> assertThat(stateOf(c.getCommandId())).isEqualTo("accepted"));
    }

    @Test
    void a_recipient_in_pair_backoff_does_not_hold_up_another_recipient_on_the_same_partition() {
        String busyWorker = openWindowFor(Fixtures.newWaId());
        String customer = openWindowFor(Fixtures.newWaId());
        failFor(busyWorker, 400, 131056, null, null, null);
        OutboundCommand toWorker = Fixtures.to(busyWorker).text("Nueva oferta");
        OutboundCommand toCustomer = Fixtures.to(customer).text("Tu pedido va en camino");
        producer.send(new ProducerRecord<>(Topics.WhatsApp.OUTBOUND, 0, busyWorker, toWorker));
        producer.send(new ProducerRecord<>(Topics.WhatsApp.OUTBOUND, 0, customer, toCustomer));
        producer.flush();

        await().until(() -> "accepted".equals(stateOf(toCustomer.getCommandId())));
        assertThat(stateOf(toWorker.getCommandId())).isEqualTo("queued");
        assertThat(postsTo(busyWorker)).isNotEmpty();
        assertThat(meters.get("wpfoods.messaging.recipient.backoffs").counter().count())
                .isPositive();

        metaAcceptsEverything();
        await().atMost(Duration.ofSeconds(15)).until(() -> "accepted".equals(stateOf(toWorker.getCommandId())));
    }

    @Test
    void a_refused_token_pauses_sending_raises_the_alert_and_resumes_with_nothing_lost() {
        String camila = openWindowFor(Fixtures.newWaId());
        graph.stubFor(post(urlEqualTo(MESSAGES)).atPriority(1).willReturn(graphError(401, 190)));
        graph.stubFor(get(urlPathEqualTo("/v23.0/" + Fixtures.PHONE_NUMBER_ID))
                .atPriority(1)
                .willReturn(graphError(401, 190)));
        List<OutboundCommand> commands = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            OutboundCommand command = Fixtures.to(camila).text("Mensaje " + i);
            commands.add(command);
            publish(Topics.WhatsApp.OUTBOUND, camila, command);
        }

        await().until(() ->
                meters.get("wpfoods.messaging.token.invalid").gauge().value() == 1.0);
        await().during(Duration.ofMillis(600))
                .until(() -> postsTo(camila).size() == 1
                        && "queued".equals(stateOf(commands.get(0).getCommandId())));

        metaAcceptsEverything(); // the token works again
        await().until(() -> commands.stream().allMatch(c -> "accepted".equals(stateOf(c.getCommandId()))));
        assertThat(meters.get("wpfoods.messaging.token.invalid").gauge().value())
                .isZero();
        List<String> bodies = postsTo(camila).stream()
                .map(r -> r.getBodyAsString().replaceAll(".*Mensaje (\\d).*", "$1"))
                .toList();
        assertThat(bodies).containsExactly("1", "1", "2", "3");
    }

    @Test
    void statuses_only_move_forward_and_a_131047_failure_sends_the_fallback_template() {
        String camila = openWindowFor(Fixtures.newWaId());
        OutboundCommand first = Fixtures.to(camila).text("Primero");
        OutboundCommand second = Fixtures.to(camila)
                .fallbackTemplate(Fixtures.orderUpdateTemplate())
                .text("Segundo");
        publish(Topics.WhatsApp.OUTBOUND, camila, first);
        publish(Topics.WhatsApp.OUTBOUND, camila, second);
        await().until(() -> "accepted".equals(stateOf(second.getCommandId())));
        String firstWamid = wamidOf(first.getCommandId());
        String secondWamid = wamidOf(second.getCommandId());

        publish(Topics.WhatsApp.STATUS, camila, Fixtures.status(camila, firstWamid, DeliveryState.READ, null, null));
        publish(
                Topics.WhatsApp.STATUS,
                camila,
                Fixtures.status(camila, firstWamid, DeliveryState.DELIVERED, null, null));
        publish(Topics.WhatsApp.STATUS, camila, Fixtures.status(camila, firstWamid, DeliveryState.SENT, null, null));
        publish(
                Topics.WhatsApp.STATUS,
                camila,
                Fixtures.status(camila, secondWamid, DeliveryState.FAILED, null, 131047));

        await().until(() -> "accepted".equals(stateOf(second.getCommandId() + ":fallback")));
        assertThat(stateOf(first.getCommandId())).isEqualTo("read");
        assertThat(stateOf(second.getCommandId())).isEqualTo("failed");
        assertThat(postsTo(camila).getLast().getBodyAsString()).contains("\"type\":\"template\"");
        OutboundFailed failed = await().until(() -> failureFor(second.getCommandId()), Optional::isPresent)
                .orElseThrow();
        assertThat(failed.getErrorCode()).isEqualTo(131047);
        assertThat(failed.getFallbackSent()).isTrue();
    }

    @Test
    void a_send_a_crashed_replica_left_in_flight_is_not_resent_when_its_status_arrives_within_the_grace_period() {
        String camila = openWindowFor(Fixtures.newWaId());
        OutboundCommand inFlight = Fixtures.to(camila).text("Enviado justo antes del fallo");
        OutboundCommand next = Fixtures.to(camila).text("Siguiente");
        leftInFlightByACrashedReplica(inFlight, next);
        dispatcher.signal();

        // found by this replica: uncertain like a lost answer, it holds its recipient's queue and waits for a status
        await().until(() -> "unanswered".equals(stateOf(inFlight.getCommandId())));
        assertThat(stateOf(next.getCommandId())).isEqualTo("queued");
        assertThat(postsTo(camila)).isEmpty();
        // Meta did accept it: its status webhook carries our command id as biz_opaque_callback_data
        publish(
                Topics.WhatsApp.STATUS,
                camila,
                Fixtures.status(camila, "wamid.CRASHED1", DeliveryState.DELIVERED, inFlight.getCommandId(), null));

        await().until(() -> "accepted".equals(stateOf(next.getCommandId())));
        assertThat(stateOf(inFlight.getCommandId())).isEqualTo("delivered");
        assertThat(wamidOf(inFlight.getCommandId())).isEqualTo("wamid.CRASHED1");
        await().during(GRACE.plusSeconds(1)).until(() -> postsTo(camila).size() == 1);
        assertThat(bodiesTo(camila)).containsExactly("Siguiente");
    }

    @Test
    void a_send_a_crashed_replica_left_in_flight_is_sent_once_more_after_the_grace_period_with_no_status_in_order() {
        String restaurant = openWindowFor(Fixtures.newWaId());
        OutboundCommand inFlight = Fixtures.to(restaurant).text("Pedido nuevo #1");
        OutboundCommand next = Fixtures.to(restaurant).text("Pedido nuevo #2");
        leftInFlightByACrashedReplica(inFlight, next);
        dispatcher.signal();

        await().until(() -> "unanswered".equals(stateOf(inFlight.getCommandId())));
        Instant foundAt = Instant.now();
        await().atMost(GRACE.plusSeconds(20)).until(() -> "accepted".equals(stateOf(next.getCommandId())));

        assertThat(Duration.between(foundAt, Instant.now())).isGreaterThanOrEqualTo(GRACE.minusMillis(500));
        assertThat(stateOf(inFlight.getCommandId())).isEqualTo("accepted");
        assertThat(attemptsOf(inFlight.getCommandId())).isEqualTo(2);
        await().during(Duration.ofMillis(500)).until(() -> postsTo(restaurant).size() == 2);
        assertThat(bodiesTo(restaurant)).containsExactly("Pedido nuevo #1", "Pedido nuevo #2");
    }

    @Test
    void a_send_a_crashed_replica_left_in_flight_on_its_last_attempt_is_given_up_as_uncertain_and_the_producer_told() {
        String camila = openWindowFor(Fixtures.newWaId());
        OutboundCommand inFlight = Fixtures.to(camila).text("Último intento");
        OutboundCommand next = Fixtures.to(camila).text("Siguiente");
        // its last attempt is counted before the queue row makes it claimable (the sender polls meanwhile)
        leftInFlightByACrashedReplica(inFlight, next, 6);
        dispatcher.signal();

        await().until(() -> "accepted".equals(stateOf(next.getCommandId())));
        assertThat(stateOf(inFlight.getCommandId())).isEqualTo("uncertain");
        assertThat(bodiesTo(camila)).containsExactly("Siguiente");
        OutboundFailed unknown = await().until(() -> failureFor(inFlight.getCommandId()), Optional::isPresent)
                .orElseThrow();
        assertThat(unknown.getStage()).isEqualTo(FailureStage.UNKNOWN);
        assertThat(unknown.getReason()).isEqualTo("send_outcome_unknown");
    }

    @Test
    void a_command_keeps_the_trace_of_its_kafka_record_and_its_graph_request_carries_that_trace() {
        String camila = openWindowFor(Fixtures.newWaId());
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";
        OutboundCommand traced = Fixtures.to(camila).text("Con traza");
        ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(Topics.WhatsApp.OUTBOUND, camila, traced);
        record.headers().add(Headers.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        producer.send(record);
        producer.flush();

        await().until(() -> "accepted".equals(stateOf(traced.getCommandId())));

        assertThat(jdbc.sql("SELECT traceparent FROM outbound_message WHERE command_id = :id")
                        .param("id", traced.getCommandId())
                        .query(String.class)
                        .single())
                .isEqualTo(traceparent);
        assertThat(postsTo(camila))
                .singleElement()
                .satisfies(post ->
                        assertThat(post.getHeader("traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-0[01]"));
    }

    @Test
    void a_send_whose_answer_is_lost_is_not_resent_when_its_status_arrives_in_time_and_the_next_message_waits_for_it() {
        String camila = openWindowFor(Fixtures.newWaId());
        // Meta accepts the first send but its answer comes after our 1 s request timeout: lost on the wire
        answerLateThenAcceptFor(camila);
        OutboundCommand lost = Fixtures.to(camila).text("Tu pedido fue confirmado");
        OutboundCommand next = Fixtures.to(camila).text("Ya lo preparan");
        publish(Topics.WhatsApp.OUTBOUND, camila, lost);
        publish(Topics.WhatsApp.OUTBOUND, camila, next);

        await().until(() -> "unanswered".equals(stateOf(lost.getCommandId())));
        assertThat(stateOf(next.getCommandId())).isEqualTo("queued");
        // Meta's sent status carries our command id as biz_opaque_callback_data
        publish(
                Topics.WhatsApp.STATUS,
                camila,
                Fixtures.status(camila, "wamid.LOSTANSWER1", DeliveryState.SENT, lost.getCommandId(), null));

        await().until(() -> "accepted".equals(stateOf(next.getCommandId())));
        assertThat(stateOf(lost.getCommandId())).isEqualTo("sent");
        assertThat(wamidOf(lost.getCommandId())).isEqualTo("wamid.LOSTANSWER1");
        await().during(GRACE.plusSeconds(1)).until(() -> postsTo(camila).size() == 2);
        assertThat(bodiesTo(camila)).containsExactly("Tu pedido fue confirmado", "Ya lo preparan");
    }

    @Test
    void a_send_whose_connection_resets_and_no_status_arrives_is_sent_once_more_after_the_grace_period_in_order() {
        String restaurant = openWindowFor(Fixtures.newWaId());
        graph.stubFor(post(urlEqualTo(MESSAGES))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo("+" + restaurant)))
                .inScenario("reset-" + restaurant)
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("ok")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        OutboundCommand first = Fixtures.to(restaurant).text("Pedido nuevo #1");
        OutboundCommand second = Fixtures.to(restaurant).text("Pedido nuevo #2");
        publish(Topics.WhatsApp.OUTBOUND, restaurant, first);
        publish(Topics.WhatsApp.OUTBOUND, restaurant, second);

        await().until(() -> "unanswered".equals(stateOf(first.getCommandId())));
        Instant lostAt = Instant.now();
        await().atMost(GRACE.plusSeconds(20)).until(() -> "accepted".equals(stateOf(second.getCommandId())));

        assertThat(Duration.between(lostAt, Instant.now())).isGreaterThanOrEqualTo(GRACE.minusMillis(500));
        assertThat(stateOf(first.getCommandId())).isEqualTo("accepted");
        assertThat(bodiesTo(restaurant)).containsExactly("Pedido nuevo #1", "Pedido nuevo #1", "Pedido nuevo #2");
    }

    @Test
    void an_unanswered_send_left_by_another_replica_is_resent_only_once_its_grace_period_is_over() {
        String camila = openWindowFor(Fixtures.newWaId());
        OutboundCommand waiting = Fixtures.to(camila).text("Esperando estado");
        OutboundCommand due = Fixtures.to(Fixtures.newWaId()).text("Ya toca reenviar");
        openWindowFor(due.getTo().getWaId());
        // what a replica that lost an answer leaves in the shared database, then stopped or restarted
        insertUnanswered(waiting, "clock_timestamp() + interval '1 hour'");
        insertUnanswered(due, "clock_timestamp() - interval '1 second'");
        dispatcher.signal();

        await().until(() -> "accepted".equals(stateOf(due.getCommandId())));
        assertThat(postsTo(due.getTo().getWaId())).hasSize(1);
        await().during(Duration.ofMillis(500)).until(() -> postsTo(camila).isEmpty());
        assertThat(stateOf(waiting.getCommandId())).isEqualTo("unanswered");
    }

    @Test
    void order_per_recipient_holds_across_a_restart_of_the_sender() {
        String restaurant = openWindowFor(Fixtures.newWaId());
        failFor(restaurant, 503, 2, Scenario.STARTED, "ok", null);
        List<OutboundCommand> commands = new ArrayList<>();
        OutboundCommand first = Fixtures.to(restaurant).text("Pedido nuevo #1");
        commands.add(first);
        publish(Topics.WhatsApp.OUTBOUND, restaurant, first);
        // the first send fails and waits for its retry (50-150 ms here); the sender stops meanwhile. Waiting for
        // exactly one post with Awaitility's 100 ms polling could miss that window and wait for ever once the retry
        // had gone; the order below holds either way
        await().pollInterval(Duration.ofMillis(2))
                .until(() -> !postsTo(restaurant).isEmpty());
        dispatcher.stop();
        for (int i = 2; i <= 4; i++) {
            OutboundCommand command = Fixtures.to(restaurant).text("Pedido nuevo #" + i);
            commands.add(command);
            publish(Topics.WhatsApp.OUTBOUND, restaurant, command);
        }
        await().until(() -> commands.stream().allMatch(c -> "queued".equals(stateOf(c.getCommandId()))));

        dispatcher.start();

        await().until(() -> commands.stream().allMatch(c -> "accepted".equals(stateOf(c.getCommandId()))));
        List<String> order = postsTo(restaurant).stream()
                .map(r -> r.getBodyAsString().replaceAll(".*Pedido nuevo #(\\d).*", "$1"))
                .toList();
        assertThat(order).containsExactly("1", "1", "2", "3", "4");
    }

    // --- helpers -------------------------------------------------------------------------------

    private void insertMessage(OutboundCommand command, String state) {
        insertMessage(command, state, "sending".equals(state) ? 1 : 0);
    }

    private void insertMessage(OutboundCommand command, String state, int attempts) {
        jdbc.sql("""
                        INSERT INTO outbound_message (command_id, recipient_hash, kind, correlation_id, command_enc, state,
                                                      attempts)
                        VALUES (:id, :r, 'TEXT', :corr, :cmd, :state, :attempts)
                        """)
                .param("id", command.getCommandId())
                .param("r", lookupHash.hash(command.getTo().getWaId()))
                .param("corr", command.getCorrelationId())
                .param("cmd", stored(command))
                .param("state", state)
                .param("attempts", attempts)
                .update();
    }

    /**
     * What a replica that died mid-send leaves in the shared database: its recipient's head still {@code sending} (one
     * attempt counted), the next message queued, and a lease that has run out.
     */
    private void leftInFlightByACrashedReplica(OutboundCommand inFlight, OutboundCommand next) {
        leftInFlightByACrashedReplica(inFlight, next, 1);
    }

    /** As above, the stopped send on its {@code attempts}th attempt. */
    private void leftInFlightByACrashedReplica(OutboundCommand inFlight, OutboundCommand next, int attempts) {
        insertMessage(inFlight, "sending", attempts);
        insertMessage(next, "queued");
        jdbc.sql("""
                        INSERT INTO recipient_queue (recipient_hash, pending, pair_tokens, lease_owner, lease_until)
                        VALUES (:r, 2, 45, 'crashed-replica', clock_timestamp() - interval '1 second')
                        """).param("r", lookupHash.hash(inFlight.getTo().getWaId())).update();
    }

    private int attemptsOf(String commandId) {
        return jdbc.sql("SELECT attempts FROM outbound_message WHERE command_id = :id")
                .param("id", commandId)
                .query(Integer.class)
                .single();
    }

    private void insertUnanswered(OutboundCommand command, String resendAt) {
        String waId = command.getTo().getWaId();
        jdbc.sql("INSERT INTO outbound_message (command_id, recipient_hash, kind, correlation_id, command_enc, state,"
                        + " attempts, resend_at) VALUES (:id, :r, 'TEXT', :corr, :cmd, 'unanswered', 1, " + resendAt
                        + ")")
                .param("id", command.getCommandId())
                .param("r", lookupHash.hash(waId))
                .param("corr", command.getCorrelationId())
                .param("cmd", stored(command))
                .update();
        jdbc.sql("INSERT INTO recipient_queue (recipient_hash, pending, pair_tokens) VALUES (:r, 1, 45)")
                .param("r", lookupHash.hash(waId))
                .update();
    }

    /** A command as the log stores it: its Avro bytes, encrypted. */
    private byte[] stored(OutboundCommand command) {
        return cipher.encryptBytes(serde.encode(command), PersonalDataColumns.OUTBOUND_COMMAND);
    }

    /** The recipient's first send is accepted but answered after the request timeout; later ones at once. */
    private void answerLateThenAcceptFor(String waId) {
        graph.stubFor(post(urlEqualTo(MESSAGES))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo("+" + waId)))
                .inScenario("late-" + waId)
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("ok")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withFixedDelay(2500)
                        .withBody("{\"messages\":[{\"id\":\"wamid.NEVERSEEN\"}]}")));
    }

    private List<String> bodiesTo(String waId) {
        return postsTo(waId).stream()
                .map(r -> r.getBodyAsString().replaceAll(".*\"body\":\"([^\"]*)\".*", "$1"))
                .toList();
    }

    private String openWindowFor(String waId) {
        jdbc.sql("INSERT INTO customer_window (recipient_hash, last_inbound_at) VALUES (:r, now())")
                .param("r", lookupHash.hash(waId))
                .update();
        return waId;
    }

    private void failFor(String waId, int http, int code, String inState, String nextState, Integer unused) {
        var stub = post(urlEqualTo(MESSAGES))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo("+" + waId)))
                .willReturn(graphError(http, code));
        if (inState != null) {
            stub = stub.inScenario("errors-" + waId)
                    .whenScenarioStateIs(inState)
                    .willSetStateTo(nextState);
        }
        graph.stubFor(stub);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder graphError(int http, int code) {
        return aResponse()
                .withStatus(http)
                .withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"error\":{\"message\":\"(#" + code + ") error\",\"type\":\"OAuthException\",\"code\":" + code
                                + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"injected by the test\"},"
                                + "\"fbtrace_id\":\"AbC\"}}");
    }

    private List<LoggedRequest> postsTo(String waId) {
        return graph.findAll(
                postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.to", equalTo("+" + waId))));
    }

    private void publish(String topic, String key, SpecificRecord value) {
        producer.send(new ProducerRecord<>(topic, key, value));
        producer.flush();
    }

    private Optional<Instant> windowOf(String waId) {
        return jdbc.sql("SELECT last_inbound_at FROM customer_window WHERE recipient_hash = :r")
                .param("r", lookupHash.hash(waId))
                .query(java.sql.Timestamp.class)
                .optional()
                .map(java.sql.Timestamp::toInstant);
    }

    private String stateOf(String commandId) {
        return jdbc.sql("SELECT state FROM outbound_message WHERE command_id = :id")
                .param("id", commandId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private String wamidOf(String commandId) {
        return jdbc.sql("SELECT wamid FROM outbound_message WHERE command_id = :id")
                .param("id", commandId)
                .query(String.class)
                .single();
    }

    private Optional<OutboundDeadLetter> deadLetterFor(String commandId) {
        return deadLetters.poll().stream()
                .map(r -> serde.decode(r.value(), OutboundDeadLetter.class))
                .filter(d -> d.getCommand().getCommandId().equals(commandId))
                .findFirst();
    }

    private Optional<OutboundFailed> failureFor(String commandId) {
        return failures.poll().stream()
                .map(r -> serde.decode(r.value(), OutboundFailed.class))
                .filter(f -> f.getCommandId().equals(commandId))
                .reduce((a, b) -> b);
    }

    /** The production serializer, typed for the test producer. */
    static final class AvroSerializerAdapter
            implements org.apache.kafka.common.serialization.Serializer<SpecificRecord> {
        private final AvroSerializer delegate = new AvroSerializer();

        @Override
        public byte[] serialize(String topic, SpecificRecord data) {
            return delegate.serialize(topic, data);
        }
    }
}
