package co.wpfoods.simulator.cloudapi.adapter.in.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The simulator over real HTTP with WireMock standing in for WPFoods' webhook endpoint. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "simulator.access-token=token-de-prueba",
            "simulator.webhook.app-secret=secreto-de-la-app",
            "simulator.webhook.verify-token=token-de-verificacion",
            "simulator.webhook.initial-backoff=50ms",
            "simulator.webhook.max-backoff=200ms",
            "simulator.statuses.sent-delay=10ms",
            "simulator.statuses.delivered-delay=10ms",
            "simulator.statuses.read-delay=10ms",
            // these tests send free-form messages to numbers that never wrote; the window (on by default) is
            // exercised by BusinessMessagingTest and by turning it on at run time below
            "simulator.enforcement.window=false"
        })
class SimulatorHttpIT {

    static final String SECRET = "secreto-de-la-app";
    static final String TOKEN = "Bearer token-de-prueba";
    static final WireMockServer WPFOODS = new WireMockServer(options().dynamicPort());

    static {
        WPFOODS.start();
    }

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry registry) {
        registry.add("simulator.webhook.url", () -> WPFOODS.baseUrl() + "/webhooks/whatsapp");
    }

    @AfterAll
    static void stopWireMock() {
        WPFOODS.stop();
    }

    @LocalServerPort
    int port;

    SimulatorClient sim;

    @BeforeEach
    void setUp() {
        sim = new SimulatorClient("http://localhost:" + port, "token-de-prueba");
        assertThat(sim.api("POST", "/sim/api/reset", null).status()).isEqualTo(204);
        WPFOODS.resetAll();
        WPFOODS.stubFor(post(urlPathEqualTo("/webhooks/whatsapp"))
                .willReturn(aResponse().withStatus(200)));
    }

    private String createPhone(String name, String number) {
        var response = sim.api(
                "POST", "/sim/api/phones", "{'name':'" + name + "','number':'" + number + "','role':'customer'}");
        assertThat(response.status()).isEqualTo(201);
        return response.json().get("waId").stringValue();
    }

    private static List<LoggedRequest> webhooks() {
        return WPFOODS.findAll(postRequestedFor(urlPathEqualTo("/webhooks/whatsapp")));
    }

    private static List<LoggedRequest> webhooksMentioning(String text) {
        return webhooks().stream()
                .filter(request -> request.getBodyAsString().contains(text))
                .toList();
    }

    private static List<JsonNode> webhookBodies() {
        return webhooks().stream()
                .map(request -> SimulatorClient.JSON.readTree(request.getBody()))
                .toList();
    }

    private static List<JsonNode> inboundMessages() {
        return webhookBodies().stream()
                .map(body -> body.at("/entry/0/changes/0/value"))
                .filter(value -> value.has("messages"))
                .map(value -> value.get("messages").get(0))
                .toList();
    }

    private static List<String> statusesOf(String messageId) {
        return webhookBodies().stream()
                .map(body -> body.at("/entry/0/changes/0/value/statuses/0"))
                .filter(status -> !status.isMissingNode()
                        && status.get("id").stringValue().equals(messageId))
                .map(status -> status.get("status").stringValue())
                .toList();
    }

    private static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void accepts_a_send_like_meta_and_delivers_signed_status_webhooks() throws Exception {
        var response = sim.graphSend(
                "{'messaging_product':'whatsapp','recipient_type':'individual','to':'+573001234567','type':'text',"
                        + "'text':{'body':'¡Hola Camila! 👋'},'biz_opaque_callback_data':'order:8841:msg:1'}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("messaging_product").stringValue()).isEqualTo("whatsapp");
        assertThat(response.json().at("/contacts/0/input").stringValue()).isEqualTo("+573001234567");
        assertThat(response.json().at("/contacts/0/wa_id").stringValue()).isEqualTo("573001234567");
        assertThat(response.json().at("/messages/0").has("message_status")).isFalse();
        String id = response.json().at("/messages/0/id").stringValue();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(statusesOf(id)).containsExactlyInAnyOrder("sent", "delivered", "read"));

        for (LoggedRequest request : webhooks()) {
            assertThat(request.getHeader("X-Hub-Signature-256")).isEqualTo(hmac(request.getBody()));
            assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        }
        JsonNode envelope = webhookBodies().get(0);
        assertThat(envelope.get("object").stringValue()).isEqualTo("whatsapp_business_account");
        assertThat(envelope.at("/entry/0/id").stringValue()).isEqualTo("102290129340398");
        assertThat(envelope.at("/entry/0/changes/0/field").stringValue()).isEqualTo("messages");
        assertThat(envelope.at("/entry/0/changes/0/value/metadata/phone_number_id")
                        .stringValue())
                .isEqualTo("106540352242922");
        assertThat(envelope.at("/entry/0/changes/0/value/statuses/0/biz_opaque_callback_data")
                        .stringValue())
                .isEqualTo("order:8841:msg:1");
        var received = sim.api("GET", "/sim/api/phones/573001234567/messages?direction=received", null);
        assertThat(received.json().get(0).get("status").stringValue()).isEqualTo("read");
    }

    @Test
    void answers_errors_in_metas_envelope_with_metas_http_status() {
        var noToken = sim.post("/v23.0/106540352242922/messages", "{}", null);
        var badToken = sim.post("/v23.0/106540352242922/messages", "{}", "Bearer caducado");
        var tooManyButtons = sim.graphSend(
                "{'messaging_product':'whatsapp','to':'573001234567','type':'interactive',"
                        + "'interactive':{'type':'button','body':{'text':'x'},'action':{'buttons':["
                        + "{'type':'reply','reply':{'id':'1','title':'A'}},{'type':'reply','reply':{'id':'2','title':'B'}},"
                        + "{'type':'reply','reply':{'id':'3','title':'C'}},{'type':'reply','reply':{'id':'4','title':'D'}}]}}}");
        var unknownTemplate = sim.graphSend("{'messaging_product':'whatsapp','to':'573001234567','type':'template',"
                + "'template':{'name':'promo_inexistente','language':{'code':'es'}}}");
        var notJson = sim.post("/v23.0/106540352242922/messages", "{nope", TOKEN);

        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.json().at("/error/code").intValue()).isZero();
        assertThat(badToken.status()).isEqualTo(401);
        assertThat(badToken.json().at("/error/code").intValue()).isEqualTo(190);
        assertThat(badToken.json().at("/error/type").stringValue()).isEqualTo("OAuthException");
        assertThat(tooManyButtons.status()).isEqualTo(400);
        JsonNode error = tooManyButtons.json().get("error");
        assertThat(error.get("code").intValue()).isEqualTo(131009);
        assertThat(error.get("message").stringValue()).isEqualTo("(#131009) Parameter value is not valid");
        assertThat(error.at("/error_data/messaging_product").stringValue()).isEqualTo("whatsapp");
        assertThat(error.at("/error_data/details").stringValue()).contains("buttons");
        assertThat(error.get("fbtrace_id").stringValue()).isNotBlank();
        assertThat(unknownTemplate.status()).isEqualTo(404);
        assertThat(unknownTemplate.json().at("/error/code").intValue()).isEqualTo(132001);
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().at("/error/code").intValue()).isEqualTo(100);
    }

    @Test
    void marking_played_a_message_that_is_not_a_voice_note_is_refused_with_a_reason_in_both_apis() {
        var text = sim.graphSend("{'messaging_product':'whatsapp','to':'573001234567','type':'text',"
                + "'text':{'body':'Tu pedido va en camino'}}");
        String wamid = text.json().at("/messages/0/id").stringValue();
        // the Graph API answers before the message reaches the phone (as at Meta): wait until the phone has it
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(String.valueOf(
                                sim.api("GET", "/sim/api/phones/573001234567/messages?direction=received", null)
                                        .json()))
                        .contains(wamid));

        var userPlays = sim.api("POST", "/sim/api/messages/" + wamid + "/played", null);
        var unknown = sim.api("POST", "/sim/api/messages/wamid.DESCONOCIDO/played", null);
        var graphPlayed =
                sim.graphSend("{'messaging_product':'whatsapp','status':'played','message_id':'" + wamid + "'}");

        assertThat(userPlays.status()).isEqualTo(422);
        assertThat(userPlays.json().get("error").stringValue()).contains("not a voice message");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").stringValue()).contains("wamid.DESCONOCIDO");
        // Meta's mark-as-read accepts only "read": anything else is an invalid parameter value in Meta's envelope
        assertThat(graphPlayed.status()).isEqualTo(400);
        JsonNode error = graphPlayed.json().get("error");
        assertThat(error.get("code").intValue()).isEqualTo(131009);
        assertThat(error.get("message").stringValue()).isEqualTo("(#131009) Parameter value is not valid");
        assertThat(error.at("/error_data/details").stringValue()).contains("status");
        assertThat(error.get("fbtrace_id").stringValue()).isNotBlank();
    }

    @Test
    void records_each_graph_send_with_its_headers_and_body_for_tests_to_read_with_the_token_masked() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        var sent = sim.graphSend(
                "{'messaging_product':'whatsapp','to':'573009998877','type':'text','text':{'body':'Con traza'}}",
                "traceparent",
                traceparent);
        var refused = sim.post("/v23.0/106540352242922/messages", "{}", "Bearer caducado");

        var recorded = sim.api("GET", "/sim/api/graph/requests?contains=573009998877", null);
        var all = sim.api("GET", "/sim/api/graph/requests", null);

        assertThat(sent.status()).isEqualTo(200);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(recorded.json()).hasSize(1);
        JsonNode request = recorded.json().get(0);
        assertThat(request.get("method").stringValue()).isEqualTo("POST");
        assertThat(request.get("path").stringValue()).isEqualTo("/v23.0/106540352242922/messages");
        assertThat(request.at("/headers/traceparent").stringValue()).isEqualTo(traceparent);
        assertThat(request.at("/headers/authorization").stringValue())
                .startsWith("Bearer …")
                .doesNotContain("token-de-prueba");
        assertThat(request.get("body").stringValue()).contains("Con traza");
        // a refused request is recorded too: what was sent is what a developer needs to see
        assertThat(all.json()
                        .get(all.json().size() - 1)
                        .at("/headers/authorization")
                        .stringValue())
                .isEqualTo("Bearer …");

        sim.api("POST", "/sim/api/reset", null);
        assertThat(sim.api("GET", "/sim/api/graph/requests", null).json()).isEmpty();
    }

    @Test
    void streams_the_millisecond_a_users_message_was_answered_200_and_a_reply_was_accepted_for_load_tests()
            throws Exception {
        // given a load test subscribed to the timing stream
        String waId = createPhone("Camila Rojas", "+57 300 123 4567");
        var events = new java.util.concurrent.LinkedBlockingQueue<String>();
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/sim/api/timings"))
                .header("Accept", "text/event-stream")
                .build();
        var lines = new java.util.concurrent.atomic.AtomicReference<java.util.stream.Stream<String>>();
        java.net.http.HttpClient.newHttpClient()
                .sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    lines.set(response.body());
                    response.body().forEach(events::add);
                });
        await().until(() -> events.stream().anyMatch(line -> line.equals("event:subscribed")));
        try {
            // when the customer writes, and WPFoods answers through the Graph API
            long before = System.currentTimeMillis();
            var sent = sim.api("POST", "/sim/api/phones/" + waId + "/messages", "{'type':'text','text':'hola'}");
            var reply = sim.graphSend(
                    "{'messaging_product':'whatsapp','to':'573001234567','type':'text','text':{'body':'¡Hola!'}}");
            long after = System.currentTimeMillis();

            // then the stream says when the webhook got its 200 and when the reply arrived, in milliseconds
            String messageId = sent.json().get("id").stringValue();
            String replyId = reply.json().at("/messages/0/id").stringValue();
            JsonNode inbound = await().until(() -> data(events, "inbound"), json -> json != null);
            JsonNode accepted = await().until(() -> data(events, "reply"), json -> json != null);
            assertThat(inbound.get("messageId").stringValue()).isEqualTo(messageId);
            assertThat(inbound.get("waId").stringValue()).isEqualTo(waId);
            assertThat(inbound.get("deliveredAtMs").longValue()).isBetween(before, System.currentTimeMillis());
            assertThat(accepted.get("messageId").stringValue()).isEqualTo(replyId);
            assertThat(accepted.get("to").stringValue()).isEqualTo("573001234567");
            assertThat(accepted.get("receivedAtMs").longValue()).isBetween(before, after);
            assertThat(accepted.get("body").stringValue()).contains("¡Hola!");
            // and the Graph request log has the same millisecond
            JsonNode logged =
                    sim.api("GET", "/sim/api/graph/requests", null).json().get(0);
            assertThat(logged.get("receivedAtMs").longValue())
                    .isEqualTo(accepted.get("receivedAtMs").longValue());
            // a refused send is no reply
            sim.post("/v23.0/106540352242922/messages", "{}", "Bearer caducado");
            sim.graphSend("{'messaging_product':'whatsapp','to':'573001234567','type':'text','text':{'body':'Otra'}}");
            await().until(() ->
                    events.stream().filter(line -> line.equals("event:reply")).count() == 2);
            assertThat(events.stream()
                            .filter(line -> line.equals("event:reply"))
                            .count())
                    .isEqualTo(2);
        } finally {
            // closing the lines ends the subscription: later tests run without a reader
            lines.get().close();
        }
    }

    /** The data of the first server-sent event of that name, or null. */
    private static JsonNode data(java.util.Collection<String> lines, String event) {
        var list = List.copyOf(lines);
        for (int i = 0; i + 1 < list.size(); i++) {
            if (list.get(i).equals("event:" + event) && list.get(i + 1).startsWith("data:")) {
                return SimulatorClient.JSON.readTree(list.get(i + 1).substring("data:".length()));
            }
        }
        return null;
    }

    @Test
    void a_template_send_reports_message_status_accepted() {
        var response = sim.graphSend("{'messaging_product':'whatsapp','to':'573001234567','type':'template',"
                + "'template':{'name':'bienvenida_de_nuevo','language':{'code':'es'},'components':[{'type':'body',"
                + "'parameters':[{'type':'text','text':'Camila'},{'type':'text','text':'12'}]}]}}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/messages/0/message_status").stringValue())
                .isEqualTo("accepted");
    }

    @Test
    void delivers_an_inbound_text_escaped_and_signed_like_meta() throws Exception {
        String waId = createPhone("Camila Rojas", "+57 300 123 4567");

        var sent =
                sim.api("POST", "/sim/api/phones/" + waId + "/messages", "{'type':'text','text':'¿Hay empanadas? 🥟'}");

        assertThat(sent.status()).isEqualTo(202);
        await().untilAsserted(() -> assertThat(inboundMessages()).hasSize(1));
        LoggedRequest request = webhooks().stream()
                .filter(r -> SimulatorClient.JSON
                        .readTree(r.getBody())
                        .at("/entry/0/changes/0/value")
                        .has("messages"))
                .findFirst()
                .orElseThrow();
        String raw = new String(request.getBody(), StandardCharsets.US_ASCII);
        assertThat(raw).contains("\\u00bfHay empanadas? \\ud83e\\udd5f");
        assertThat(request.getHeader("X-Hub-Signature-256")).isEqualTo(hmac(request.getBody()));
        JsonNode value = SimulatorClient.JSON.readTree(request.getBody()).at("/entry/0/changes/0/value");
        assertThat(value.at("/contacts/0/profile/name").stringValue()).isEqualTo("Camila Rojas");
        assertThat(value.at("/contacts/0/wa_id").stringValue()).isEqualTo("573001234567");
        JsonNode message = value.at("/messages/0");
        assertThat(message.get("from").stringValue()).isEqualTo("573001234567");
        assertThat(message.get("id").stringValue())
                .isEqualTo(sent.json().get("id").stringValue());
        assertThat(message.get("timestamp").stringValue()).matches("\\d{10}");
        assertThat(message.at("/text/body").stringValue()).isEqualTo("¿Hay empanadas? 🥟");
        await().untilAsserted(() -> assertThat(sim.api("GET", "/sim/api/phones/" + waId + "/messages", null)
                        .json()
                        .get(0)
                        .get("status")
                        .stringValue())
                .isEqualTo("delivered"));
    }

    private JsonNode deliveryMentioning(String text) {
        for (JsonNode delivery : sim.api("GET", "/sim/api/deliveries", null).json()) {
            if (delivery.get("body").stringValue().contains(text)) {
                return delivery;
            }
        }
        throw new AssertionError("no webhook delivery mentions " + text);
    }

    @Test
    void retries_with_backoff_until_wpfoods_answers_200() {
        String waId = createPhone("Andrés", "573007654321");
        WPFOODS.stubFor(post(urlPathEqualTo("/webhooks/whatsapp"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(waId))
                .inScenario("caído")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("sigue caído"));
        WPFOODS.stubFor(post(urlPathEqualTo("/webhooks/whatsapp"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(waId))
                .inScenario("caído")
                .whenScenarioStateIs("sigue caído")
                .willReturn(aResponse().withStatus(202))
                .willSetStateTo("arriba"));
        WPFOODS.stubFor(post(urlPathEqualTo("/webhooks/whatsapp"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(waId))
                .inScenario("caído")
                .whenScenarioStateIs("arriba")
                .willReturn(aResponse().withStatus(200)));

        sim.api("POST", "/sim/api/phones/" + waId + "/messages", "{'type':'text','text':'hola'}");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode delivery = deliveryMentioning(waId);
            assertThat(delivery.get("state").stringValue()).isEqualTo("delivered");
            assertThat(delivery.get("attempts").intValue()).isEqualTo(3);
        });
        List<String> bodies = webhooks().stream()
                .map(LoggedRequest::getBodyAsString)
                .filter(body -> body.contains(waId))
                .toList();
        assertThat(bodies).hasSize(3).containsOnly(bodies.get(0));
    }

    @Test
    void graph_faults_switched_on_at_run_time_answer_503_or_hold_back_the_answer_of_a_message_meta_accepted()
            throws Exception {
        sim.api("PUT", "/sim/api/settings", "{'graphServerErrorProbability':1.0}");
        var unavailable = sim.graphSend(
                "{'messaging_product':'whatsapp','to':'+573001234567','type':'text','text':{'body':'hola'}}");
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.json().at("/error/code").intValue()).isEqualTo(2);

        sim.api(
                "PUT",
                "/sim/api/settings",
                "{'graphServerErrorProbability':0.0,'graphNoAnswerProbability':1.0,'graphNoAnswerHold':'PT30S'}");
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/v23.0/106540352242922/messages"))
                .header("Content-Type", "application/json")
                .header("Authorization", TOKEN)
                .timeout(Duration.ofSeconds(1))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"messaging_product\":\"whatsapp\",\"to\":\"+573001234567\",\"type\":\"text\","
                                + "\"text\":{\"body\":\"sin respuesta\"},\"biz_opaque_callback_data\":\"cmd-lost-1\"}"))
                .build();
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(java.net.http.HttpTimeoutException.class);
        }

        // the client never got an answer, yet Meta has the message: its statuses carry the callback data
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(webhookBodies().stream()
                                .filter(body -> body.toString().contains("cmd-lost-1"))
                                .map(body -> body.at("/entry/0/changes/0/value/statuses/0/status")
                                        .stringValue()))
                        .contains("sent"));
    }

    @Test
    void with_the_window_switched_on_free_form_to_a_number_that_never_wrote_fails_with_131047_and_creates_no_phone() {
        sim.api("PUT", "/sim/api/settings", "{'windowEnforced':true}");

        var response = sim.graphSend(
                "{'messaging_product':'whatsapp','to':'+573001112233','type':'text','text':{'body':'hola'}}");

        assertThat(response.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(webhookBodies().stream()
                                .map(body -> body.at("/entry/0/changes/0/value/statuses/0/errors/0/code")
                                        .asInt(0)))
                        .contains(131047));
        assertThat(sim.api("GET", "/sim/api/phones/573001112233/messages", null).status())
                .isEqualTo(404);
    }

    @Test
    void injects_duplicate_deliveries_when_asked() {
        sim.api("PUT", "/sim/api/settings", "{'duplicateProbability':1.0}");
        String waId = createPhone("Andrés", "573007654321");

        sim.api("POST", "/sim/api/phones/" + waId + "/messages", "{'type':'text','text':'hola'}");

        await().untilAsserted(() -> assertThat(inboundMessages()).hasSize(2));
        assertThat(inboundMessages().get(0)).isEqualTo(inboundMessages().get(1));
    }

    @Test
    void delivers_a_raw_batch_signed_or_deliberately_mis_signed() throws Exception {
        String batch =
                "{'object':'whatsapp_business_account','entry':[{'id':'102290129340398','changes':[{'field':'messages',"
                        + "'value':{'messaging_product':'whatsapp','metadata':{'display_phone_number':'573150000000',"
                        + "'phone_number_id':'106540352242922'},'contacts':[{'profile':{'name':'Ñata'},'wa_id':'573001234567'}],"
                        + "'messages':[{'from':'573001234567','id':'wamid.B1','timestamp':'1767225600','type':'text','text':{'body':'uno'}},"
                        + "{'from':'573001234567','id':'wamid.B2','timestamp':'1767225601','type':'text','text':{'body':'dos'}}]}}]}]}";

        assertThat(sim.api("POST", "/sim/api/webhooks/raw", batch).status()).isEqualTo(202);
        assertThat(sim.api("POST", "/sim/api/webhooks/raw?badSignature=true", batch)
                        .status())
                .isEqualTo(202);

        await().untilAsserted(() -> assertThat(webhooksMentioning("wamid.B2")).hasSize(2));
        List<Boolean> signatureValid = new java.util.ArrayList<>();
        for (LoggedRequest request : webhooksMentioning("wamid.B2")) {
            assertThat(request.getBodyAsString()).contains("\\u00d1ata").contains("wamid.B2");
            signatureValid.add(request.getHeader("X-Hub-Signature-256").equals(hmac(request.getBody())));
        }
        assertThat(signatureValid).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void runs_the_verification_handshake_against_wpfoods() {
        WPFOODS.stubFor(get(urlPathEqualTo("/webhooks/whatsapp"))
                .withQueryParam("hub.mode", com.github.tomakehurst.wiremock.client.WireMock.equalTo("subscribe"))
                .withQueryParam(
                        "hub.verify_token",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("token-de-verificacion"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody("{{request.query.[hub.challenge]}}")
                        .withTransformers("response-template")));

        var result = sim.api("POST", "/sim/api/webhook/verify", null);

        assertThat(result.json().get("verified").booleanValue()).isTrue();
    }

    @Test
    void media_upload_then_two_step_download_with_the_bearer_token() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

        var upload = sim.multipart(
                "/v23.0/106540352242922/media",
                TOKEN,
                "menu.png",
                "image/png",
                png,
                "messaging_product",
                "whatsapp",
                "type",
                "image/png");
        String mediaId = upload.json().get("id").stringValue();
        var metadata = sim.get("/v23.0/" + mediaId + "?phone_number_id=106540352242922", TOKEN);
        String url = metadata.json().get("url").stringValue();

        assertThat(upload.status()).isEqualTo(200);
        assertThat(metadata.json().get("mime_type").stringValue()).isEqualTo("image/png");
        assertThat(metadata.json().get("file_size").stringValue()).isEqualTo("7");
        assertThat(metadata.json().get("sha256").stringValue()).hasSize(44);
        assertThat(sim.get(url, null).status()).isEqualTo(401);
        assertThat(sim.get(url, TOKEN).bytes()).isEqualTo(png);
        assertThat(sim.get(url.replace("hash=", "hash=x"), TOKEN).status()).isEqualTo(404);
        assertThat(sim.get("/v23.0/4242424242", TOKEN).json().at("/error/code").intValue())
                .isEqualTo(100);
        var image = sim.graphSend("{'messaging_product':'whatsapp','to':'573001234567','type':'image','image':{'id':'"
                + mediaId + "','caption':'Menú del día'}}");
        assertThat(image.status()).isEqualTo(200);
        var gif = sim.multipart(
                "/v23.0/106540352242922/media", TOKEN, "a.gif", "image/gif", png, "messaging_product", "whatsapp");
        assertThat(gif.json().at("/error/code").intValue()).isEqualTo(131053);
    }

    @Test
    void a_user_taps_buttons_picks_rows_shares_location_and_orders_through_the_rest_api() {
        String waId = createPhone("Camila Rojas", "573001234567");
        String buttons = sim.graphSend("{'messaging_product':'whatsapp','to':'573001234567','type':'interactive',"
                        + "'interactive':{'type':'button','body':{'text':'¿Confirmas?'},'action':{'buttons':["
                        + "{'type':'reply','reply':{'id':'order:8841:confirm','title':'Confirmar'}}]}}}")
                .json()
                .at("/messages/0/id")
                .stringValue();
        String list = sim.graphSend(
                        "{'messaging_product':'whatsapp','to':'573001234567','type':'interactive',"
                                + "'interactive':{'type':'list','body':{'text':'Elige'},'action':{'button':'Ver','sections':["
                                + "{'title':'Pizza','rows':[{'id':'rest:112','title':'Pizzería Napoli','description':'Italiana'}]}]}}}")
                .json()
                .at("/messages/0/id")
                .stringValue();
        String request = sim.graphSend("{'messaging_product':'whatsapp','to':'573001234567','type':'interactive',"
                        + "'interactive':{'type':'location_request_message','body':{'text':'¿Dónde estás?'},"
                        + "'action':{'name':'send_location'}}}")
                .json()
                .at("/messages/0/id")
                .stringValue();

        sim.api("POST", "/sim/api/phones/" + waId + "/messages", "{'type':'button_reply','id':'order:8841:confirm'}");
        sim.api("POST", "/sim/api/phones/" + waId + "/messages", "{'type':'list_reply','id':'rest:112'}");
        sim.api(
                "POST",
                "/sim/api/phones/" + waId + "/messages",
                "{'type':'location','latitude':4.6486259,'longitude':-74.0628021,'name':'Parque de la 93'}");
        sim.api(
                "POST",
                "/sim/api/phones/" + waId + "/messages",
                "{'type':'order','text':'Sin cebolla','items':["
                        + "{'productRetailerId':'pz-margarita-l','quantity':2,'itemPrice':42000,'currency':'COP'}]}");
        sim.api(
                "POST",
                "/sim/api/phones/" + waId + "/messages",
                "{'type':'reaction','messageId':'" + buttons + "','emoji':'❤️'}");
        var unknownButton =
                sim.api("POST", "/sim/api/phones/" + waId + "/messages", "{'type':'button_reply','id':'no-existe'}");

        assertThat(unknownButton.status()).isEqualTo(422);
        await().untilAsserted(() -> assertThat(inboundMessages()).hasSize(5));
        List<JsonNode> messages = inboundMessages().stream()
                .sorted(java.util.Comparator.comparing(m -> m.get("type").stringValue()))
                .toList();
        JsonNode tap = messages.stream()
                .filter(m -> m.at("/interactive/type").asString("").equals("button_reply"))
                .findFirst()
                .orElseThrow();
        assertThat(tap.at("/interactive/button_reply/id").stringValue()).isEqualTo("order:8841:confirm");
        assertThat(tap.at("/interactive/button_reply/title").stringValue()).isEqualTo("Confirmar");
        assertThat(tap.at("/context/id").stringValue()).isEqualTo(buttons);
        assertThat(tap.at("/context/from").stringValue()).isEqualTo("573150000000");
        JsonNode pick = messages.stream()
                .filter(m -> m.at("/interactive/type").asString("").equals("list_reply"))
                .findFirst()
                .orElseThrow();
        assertThat(pick.at("/interactive/list_reply/description").stringValue()).isEqualTo("Italiana");
        assertThat(pick.at("/context/id").stringValue()).isEqualTo(list);
        JsonNode location = messages.stream()
                .filter(m -> m.get("type").stringValue().equals("location"))
                .findFirst()
                .orElseThrow();
        assertThat(location.at("/location/latitude").doubleValue()).isEqualTo(4.6486259);
        assertThat(location.at("/context/id").stringValue()).isEqualTo(request);
        JsonNode order = messages.stream()
                .filter(m -> m.get("type").stringValue().equals("order"))
                .findFirst()
                .orElseThrow();
        assertThat(order.at("/order/product_items/0/quantity").intValue()).isEqualTo(2);
        assertThat(order.at("/order/product_items/0/item_price").intValue()).isEqualTo(42000);
        JsonNode reaction = messages.stream()
                .filter(m -> m.get("type").stringValue().equals("reaction"))
                .findFirst()
                .orElseThrow();
        assertThat(reaction.at("/reaction/message_id").stringValue()).isEqualTo(buttons);
    }

    @Test
    void a_voice_note_arrives_as_audio_that_wpfoods_can_download() {
        String waId = createPhone("Camila Rojas", "573001234567");
        byte[] ogg = "OggS fake opus".getBytes(StandardCharsets.US_ASCII);

        var sent = sim.multipart("/sim/api/phones/" + waId + "/messages/media", null, "nota.ogg", "audio/ogg", ogg);

        assertThat(sent.status()).isEqualTo(202);
        await().untilAsserted(() -> assertThat(inboundMessages()).hasSize(1));
        JsonNode audio = inboundMessages().get(0).get("audio");
        assertThat(audio.get("voice").booleanValue()).isTrue();
        assertThat(audio.get("mime_type").stringValue()).isEqualTo("audio/ogg; codecs=opus");
        String url = sim.get("/v23.0/" + audio.get("id").stringValue(), TOKEN)
                .json()
                .get("url")
                .stringValue();
        assertThat(sim.get(url, TOKEN).bytes()).isEqualTo(ogg);
    }
}
