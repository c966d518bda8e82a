package co.wpfoods.simulator.cloudapi.application;

import static co.wpfoods.simulator.cloudapi.application.SimulatorFixture.CAMILA;
import static co.wpfoods.simulator.cloudapi.application.SimulatorFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import co.wpfoods.simulator.cloudapi.application.BusinessMessaging.Accepted;
import co.wpfoods.simulator.cloudapi.domain.GraphApiException;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BusinessMessagingTest {

    private SimulatorFixture sim;

    private SimulatorFixture simulator(SimulatorSettings.Patch patch) {
        sim = new SimulatorFixture(patch);
        return sim;
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private static void failsWith(Runnable send, int code) {
        assertThatThrownBy(send::run)
                .isInstanceOfSatisfying(
                        GraphApiException.class,
                        e -> assertThat(e.error().code()).isEqualTo(code));
    }

    private static Consumer<JsonNode> status(String expected) {
        return node -> assertThat(node.get("status").stringValue()).isEqualTo(expected);
    }

    @Test
    void refuses_a_missing_token_with_0_and_a_wrong_one_with_190() {
        var sim = simulator(SimulatorFixture.defaults());
        var body = SendRequestFixtures.json(text(CAMILA, "hola"));

        failsWith(() -> sim.business.send(null, SimulatorFixture.PHONE_NUMBER_ID, body), 0);
        failsWith(() -> sim.business.send("Basic abc", SimulatorFixture.PHONE_NUMBER_ID, body), 0);
        failsWith(() -> sim.business.send("Bearer otro", SimulatorFixture.PHONE_NUMBER_ID, body), 190);
    }

    @Test
    void refuses_an_unknown_phone_number_id_with_100() {
        var sim = simulator(SimulatorFixture.defaults());

        failsWith(
                () -> sim.business.send(
                        "Bearer " + SimulatorFixture.TOKEN, "999", SendRequestFixtures.json(text(CAMILA, "hola"))),
                100);
    }

    @Test
    void an_unregistered_number_answers_133010() {
        var sim = simulator(SimulatorFixture.defaults());
        var unregistered = new BusinessMessaging(
                new co.wpfoods.simulator.cloudapi.domain.BusinessAccount(
                        SimulatorFixture.PHONE_NUMBER_ID,
                        "573150000000",
                        "1",
                        "WPFoods",
                        SimulatorFixture.TOKEN,
                        false),
                SendRequestFixtures.VALIDATOR,
                sim.policy,
                sim.conversations,
                sim.statuses,
                sim.clock,
                sim.settings,
                () -> 0.5);

        failsWith(
                () -> unregistered.send(
                        "Bearer " + SimulatorFixture.TOKEN,
                        SimulatorFixture.PHONE_NUMBER_ID,
                        SendRequestFixtures.json(text(CAMILA, "hola"))),
                133010);
    }

    @Test
    void accepts_a_send_and_emits_sent_delivered_read_with_pricing_once() {
        var sim = simulator(SimulatorFixture.defaults());

        var accepted = (Accepted) sim.send(text(CAMILA, "¡Hola Camila! 👋"));

        assertThat(accepted.waId()).isEqualTo(CAMILA);
        assertThat(accepted.messageId()).startsWith("wamid.");
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(sim.statusesOf(accepted.messageId()))
                        .satisfiesExactly(status("sent"), status("delivered"), status("read")));
        var statuses = sim.statusesOf(accepted.messageId());
        assertThat(statuses.get(0).get("pricing").get("category").stringValue()).isEqualTo("service");
        assertThat(statuses.get(0).get("conversation").has("expiration_timestamp"))
                .isTrue();
        assertThat(statuses.get(1).has("pricing")).isTrue();
        assertThat(statuses.get(2).has("pricing")).isFalse();
        assertThat(sim.conversations.find(accepted.messageId()).orElseThrow().status())
                .isEqualTo("read");
    }

    @Test
    void skipping_delivered_puts_pricing_on_read() {
        var sim = simulator(new SimulatorSettings.Patch(
                null, null, true, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null));

        var accepted = (Accepted) sim.send(text(CAMILA, "hola"));

        await().untilAsserted(() ->
                assertThat(sim.statusesOf(accepted.messageId())).satisfiesExactly(status("sent"), status("read")));
        assertThat(sim.statusesOf(accepted.messageId()).get(1).has("pricing")).isTrue();
    }

    @Test
    void echoes_callback_data_and_plays_voice_notes() {
        var sim = simulator(SimulatorFixture.defaults());
        var audio = sim.media.store(new byte[] {1, 2, 3}, "audio/ogg; codecs=opus", "nota.ogg");

        var accepted = (Accepted)
                sim.send("{'messaging_product':'whatsapp','to':'" + CAMILA + "','type':'audio','audio':{'id':'"
                        + audio.id() + "','voice':true},'biz_opaque_callback_data':'order:8841:msg:3'}");

        await().untilAsserted(() -> assertThat(sim.statusesOf(accepted.messageId()))
                .satisfiesExactly(status("sent"), status("delivered"), status("read"), status("played")));
        assertThat(sim.statusesOf(accepted.messageId()))
                .allSatisfy(
                        node -> assertThat(node.get("biz_opaque_callback_data").stringValue())
                                .isEqualTo("order:8841:msg:3"));
    }

    @Test
    void an_audio_file_that_is_not_a_voice_message_is_never_played() {
        var sim = simulator(SimulatorFixture.defaults());
        var audio = sim.media.store(new byte[] {1, 2, 3}, "audio/mpeg", "jingle.mp3");
        var voice = sim.media.store(new byte[] {4, 5, 6}, "audio/ogg; codecs=opus", "nota.ogg");

        var file = (Accepted) sim.send("{'messaging_product':'whatsapp','to':'" + CAMILA
                + "','type':'audio','audio':{'id':'" + audio.id() + "'}}");
        var note = (Accepted) sim.send("{'messaging_product':'whatsapp','to':'" + CAMILA
                + "','type':'audio','audio':{'id':'" + voice.id() + "','voice':true}}");

        await().untilAsserted(() -> assertThat(sim.statusesOf(note.messageId())).hasSize(4));
        assertThat(sim.statusesOf(file.messageId()))
                .satisfiesExactly(status("sent"), status("delivered"), status("read"));
        assertThatThrownBy(() -> sim.statuses.played(file.messageId()))
                .isInstanceOfSatisfying(
                        UserMessaging.UserActionException.class,
                        e -> assertThat(e.notFound()).isFalse())
                .hasMessageContaining("not a voice message");
        assertThat(sim.statusesOf(file.messageId())).noneSatisfy(status("played"));
    }

    @Test
    void playing_a_text_or_an_unknown_message_is_refused_with_a_reason_and_emits_no_played_status() {
        var sim = simulator(SimulatorFixture.defaults());
        var text = (Accepted) sim.send(text(CAMILA, "Tu pedido va en camino"));
        await().untilAsserted(() -> assertThat(sim.statusesOf(text.messageId())).hasSize(3));

        assertThatThrownBy(() -> sim.statuses.played(text.messageId()))
                .isInstanceOfSatisfying(
                        UserMessaging.UserActionException.class,
                        e -> assertThat(e.notFound()).isFalse())
                .hasMessageContaining("is a text, not a voice message");
        assertThatThrownBy(() -> sim.statuses.played("wamid.UNKNOWN"))
                .isInstanceOfSatisfying(
                        UserMessaging.UserActionException.class,
                        e -> assertThat(e.notFound()).isTrue());
        assertThat(sim.statusesOf(text.messageId())).noneSatisfy(status("played"));
    }

    @Test
    void asking_the_graph_api_to_mark_a_message_played_is_refused_with_131009_as_meta_accepts_only_read() {
        var sim = simulator(SimulatorFixture.defaults());
        var text = (Accepted) sim.send(text(CAMILA, "Hola"));

        assertThatThrownBy(() -> sim.send(
                        "{'messaging_product':'whatsapp','status':'played','message_id':'" + text.messageId() + "'}"))
                .isInstanceOfSatisfying(GraphApiException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(131009);
                    assertThat(e.error().httpStatus()).isEqualTo(400);
                })
                .hasMessageContaining("status");
    }

    @Test
    void a_reaction_gets_only_sent_and_a_reaction_to_an_unknown_message_fails_with_131009() {
        var sim = simulator(SimulatorFixture.defaults());
        var first = (Accepted) sim.send(text(CAMILA, "hola"));

        var reaction = (Accepted) sim.send("{'messaging_product':'whatsapp','to':'" + CAMILA
                + "','type':'reaction','reaction':{'message_id':'" + first.messageId() + "','emoji':'👍'}}");
        var orphan = (Accepted) sim.send("{'messaging_product':'whatsapp','to':'" + CAMILA
                + "','type':'reaction','reaction':{'message_id':'wamid.nope','emoji':'👍'}}");

        await().untilAsserted(
                        () -> assertThat(sim.statusesOf(orphan.messageId())).hasSize(1));
        await().untilAsserted(
                        () -> assertThat(sim.statusesOf(reaction.messageId())).satisfiesExactly(status("sent")));
        JsonNode failed = sim.statusesOf(orphan.messageId()).get(0);
        assertThat(failed.get("status").stringValue()).isEqualTo("failed");
        assertThat(failed.get("errors").get(0).get("code").intValue()).isEqualTo(131009);
    }

    @Test
    void throughput_limit_answers_130429_once_the_second_is_used_up() {
        var sim = simulator(new SimulatorSettings.Patch(
                null, null, null, null, null, true, 3, null, null, null, null, null, null, null, null, null, null,
                null));

        for (int i = 0; i < 3; i++) {
            sim.send(text("57300123450" + i, "hola"));
        }
        failsWith(() -> sim.send(text("573001234599", "hola")), 130429);

        sim.clock.advance(Duration.ofSeconds(1));
        assertThat(sim.send(text("573001234599", "hola"))).isInstanceOf(Accepted.class);
    }

    @Test
    void pair_limit_answers_131056_after_a_burst_of_45_to_the_same_user_only() {
        var sim = simulator(new SimulatorSettings.Patch(
                null, false, null, null, null, null, null, true, null, null, null, null, null, null, null, null, null,
                null));

        for (int i = 0; i < 45; i++) {
            sim.send(text(CAMILA, "mensaje " + i));
        }
        failsWith(() -> sim.send(text(CAMILA, "uno más")), 131056);
        assertThat(sim.send(text("573009998877", "otro usuario"))).isInstanceOf(Accepted.class);

        sim.clock.advance(Duration.ofSeconds(6));
        assertThat(sim.send(text(CAMILA, "ya puedo"))).isInstanceOf(Accepted.class);
    }

    @Test
    void outside_the_window_a_text_is_accepted_then_fails_with_131047_but_a_template_goes_through() {
        var sim = simulator(new SimulatorSettings.Patch(
                null, null, null, null, null, null, null, null, true, null, null, null, null, null, null, null, null,
                null));

        var text = (Accepted) sim.send(text(CAMILA, "¿Sigues ahí?"));
        var template = (Accepted) sim.send("{'messaging_product':'whatsapp','to':'" + CAMILA
                + "','type':'template','template':{'name':'texto_libre','language':{'code':'es'},"
                + "'components':[{'type':'body','parameters':[{'type':'text','text':'¿Pedimos?'}]}]}}");

        await().untilAsserted(() -> assertThat(sim.statusesOf(text.messageId())).hasSize(1));
        JsonNode failed = sim.statusesOf(text.messageId()).get(0);
        assertThat(failed.get("status").stringValue()).isEqualTo("failed");
        assertThat(failed.get("errors").get(0).get("code").intValue()).isEqualTo(131047);
        assertThat(failed.get("errors").get(0).get("title").stringValue()).isEqualTo("Re-engagement message");
        assertThat(template.template()).isTrue();
        await().untilAsserted(
                        () -> assertThat(sim.statusesOf(template.messageId())).hasSize(3));
        assertThat(sim.statusesOf(template.messageId())
                        .get(0)
                        .get("pricing")
                        .get("type")
                        .stringValue())
                .isEqualTo("regular");
    }

    @Test
    void free_form_to_a_number_that_never_wrote_fails_with_131047_and_creates_no_phone_but_a_template_reaches_it() {
        var sim = simulator(new SimulatorSettings.Patch(
                null, null, null, null, null, null, null, null, true, null, null, null, null, null, null, null, null,
                null));

        var text = (Accepted) sim.send(text(CAMILA, "Tu pedido va en camino"));

        await().untilAsserted(() ->
                assertThat(sim.statusesOf(text.messageId())).singleElement().satisfies(status("failed")));
        assertThat(sim.conversations.phone(CAMILA)).isEmpty();
        sim.send("{'messaging_product':'whatsapp','to':'" + CAMILA
                + "','type':'template','template':{'name':'texto_libre','language':{'code':'es'},"
                + "'components':[{'type':'body','parameters':[{'type':'text','text':'¿Pedimos?'}]}]}}");
        assertThat(sim.conversations.phone(CAMILA)).isPresent();
    }

    @Test
    void a_number_not_on_whatsapp_is_accepted_then_fails_with_131026_and_creates_no_phone() {
        var sim = simulator(new SimulatorSettings.Patch(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                java.util.Set.of(CAMILA)));

        var text = (Accepted) sim.send(text(CAMILA, "Hola"));

        await().untilAsserted(() -> assertThat(sim.statusesOf(text.messageId()))
                .singleElement()
                .satisfies(
                        status("failed"),
                        node -> assertThat(node.at("/errors/0/code").intValue()).isEqualTo(131026)));
        assertThat(sim.conversations.phone(CAMILA)).isEmpty();
    }

    @Test
    void
            injected_graph_faults_answer_503_and_130429_answer_slowly_or_hold_back_the_answer_of_a_message_meta_accepted() {
        var serverErrors = simulator(new SimulatorSettings.Patch(
                null, null, null, null, null, null, null, null, null, null, null, 1.0, null, null, null, null, null,
                null));
        var throughput = simulator(new SimulatorSettings.Patch(
                null, null, null, null, null, null, null, null, null, null, null, null, 1.0, null, null, null, null,
                null));
        var lostAnswers = simulator(new SimulatorSettings.Patch(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                1.0,
                Duration.ofSeconds(90),
                null));

        var slowAnswers = simulator(new SimulatorSettings.Patch(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                1.0,
                Duration.ofSeconds(4),
                null,
                null,
                null));

        failsWith(() -> serverErrors.send(text(CAMILA, "hola")), 2);
        var slow = (Accepted) slowAnswers.send(text(CAMILA, "hola"));
        assertThat(slow.answerAfter()).isEqualTo(Duration.ofSeconds(4));
        failsWith(() -> throughput.send(text(CAMILA, "hola")), 130429);
        var held = (Accepted) lostAnswers.send(text(CAMILA, "hola"));

        assertThat(held.answerAfter()).isEqualTo(Duration.ofSeconds(90));
        await().untilAsserted(() -> assertThat(lostAnswers.statusesOf(held.messageId()))
                .satisfiesExactly(status("sent"), status("delivered"), status("read")));
    }

    @Test
    void a_user_message_opens_the_window_for_24_hours() {
        var sim = simulator(new SimulatorSettings.Patch(
                null, null, null, null, null, null, null, null, true, null, null, null, null, null, null, null, null,
                null));
        sim.conversations.savePhone(CAMILA, "Camila Rojas", "customer");
        sim.users.send(CAMILA, new UserMessage.Text("hola", null));

        var inWindow = (Accepted) sim.send(text(CAMILA, "¡Hola Camila!"));
        sim.clock.advance(Duration.ofHours(24));
        var late = (Accepted) sim.send(text(CAMILA, "¿Sigues ahí?"));

        await().untilAsserted(
                        () -> assertThat(sim.statusesOf(inWindow.messageId())).hasSize(3));
        await().untilAsserted(() ->
                assertThat(sim.statusesOf(late.messageId())).singleElement().satisfies(status("failed")));
    }

    @Test
    void mark_as_read_marks_the_user_message_and_earlier_ones_and_refuses_unknown_ids() {
        var sim = simulator(SimulatorFixture.defaults());
        sim.conversations.savePhone(CAMILA, "Camila Rojas", "customer");
        var first = sim.users.send(CAMILA, new UserMessage.Text("hola", null));
        var second = sim.users.send(CAMILA, new UserMessage.Text("quiero pizza", null));

        var result = sim.send("{'messaging_product':'whatsapp','status':'read','message_id':'" + second.id() + "'}");

        assertThat(result).isInstanceOf(BusinessMessaging.Success.class);
        assertThat(sim.conversations.find(first.id()).orElseThrow().status()).isEqualTo("read");
        assertThat(sim.conversations.find(second.id()).orElseThrow().status()).isEqualTo("read");
        failsWith(() -> sim.send("{'messaging_product':'whatsapp','status':'read','message_id':'wamid.nope'}"), 131009);
    }
}
