package co.wpfoods.simulator.cloudapi.application;

import static co.wpfoods.simulator.cloudapi.application.SimulatorFixture.CAMILA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.wpfoods.simulator.cloudapi.application.BusinessMessaging.Accepted;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class UserMessagingTest {

    private SimulatorFixture sim;

    @BeforeEach
    void camila() {
        sim = new SimulatorFixture(new SimulatorSettings.Patch(
                null, false, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null));
        sim.conversations.savePhone(CAMILA, "Camila Rojas", "customer");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private JsonNode lastInbound() {
        List<JsonNode> inbound = sim.published.stream()
                .filter(value -> value.has("messages"))
                .map(JsonNode.class::cast)
                .toList();
        return inbound.get(inbound.size() - 1);
    }

    @Test
    void a_template_quick_reply_arrives_as_type_button_with_the_payload() {
        var template = (Accepted) sim.send("{'messaging_product':'whatsapp','to':'" + CAMILA
                + "','type':'template','template':{'name':'pedido_en_camino','language':{'code':'es'},'components':["
                + "{'type':'header','parameters':[{'type':'image','image':{'link':'https://wpfoods.example/moto.png'}}]},"
                + "{'type':'body','parameters':[{'type':'text','text':'Camila'},{'type':'text','text':'8841'},"
                + "{'type':'text','text':'$88.500'}]},"
                + "{'type':'button','sub_type':'quick_reply','index':'0','parameters':[{'type':'payload','payload':'order:8841:help'}]},"
                + "{'type':'button','sub_type':'url','index':'1','parameters':[{'type':'text','text':'8841'}]}]}}");

        sim.users.send(CAMILA, new UserMessage.ButtonReply("order:8841:help", null));

        JsonNode message = lastInbound().get("messages").get(0);
        assertThat(message.get("type").stringValue()).isEqualTo("button");
        assertThat(message.at("/button/payload").stringValue()).isEqualTo("order:8841:help");
        assertThat(message.at("/button/text").stringValue()).isEqualTo("Necesito ayuda");
        assertThat(message.at("/context/id").stringValue()).isEqualTo(template.messageId());
    }

    @Test
    void a_voice_note_carries_metas_audio_fields() {
        var audio = sim.media.store(new byte[] {9, 9}, "audio/ogg; codecs=opus", "nota.ogg");

        sim.users.send(CAMILA, new UserMessage.Media("audio", audio.id(), null, null, null));

        JsonNode value = lastInbound();
        assertThat(value.at("/contacts/0/profile/name").stringValue()).isEqualTo("Camila Rojas");
        JsonNode body = value.at("/messages/0/audio");
        assertThat(body.get("id").stringValue()).isEqualTo(audio.id());
        assertThat(body.get("mime_type").stringValue()).isEqualTo("audio/ogg; codecs=opus");
        assertThat(body.get("sha256").stringValue()).isEqualTo(audio.sha256());
        assertThat(body.get("voice").booleanValue()).isTrue();
    }

    @Test
    void removing_a_reaction_omits_the_emoji() {
        var sent = (Accepted) sim.send(SimulatorFixture.text(CAMILA, "Tu pedido llegó"));

        sim.users.send(CAMILA, new UserMessage.Reaction(sent.messageId(), null));

        JsonNode reaction = lastInbound().at("/messages/0/reaction");
        assertThat(reaction.get("message_id").stringValue()).isEqualTo(sent.messageId());
        assertThat(reaction.has("emoji")).isFalse();
    }

    @Test
    void a_raw_message_passes_through_with_its_own_id_for_edge_cases() {
        JsonNode unsupported =
                SendRequestFixtures.json("{'id':'wamid.RAW1','type':'unsupported','errors':[{'code':131051,"
                        + "'title':'Message type unknown'}],'unsupported':{'type':'poll'}}");

        sim.users.send(CAMILA, new UserMessage.Raw(unsupported));

        JsonNode message = lastInbound().at("/messages/0");
        assertThat(message.get("id").stringValue()).isEqualTo("wamid.RAW1");
        assertThat(message.get("from").stringValue()).isEqualTo(CAMILA);
        assertThat(message.at("/unsupported/type").stringValue()).isEqualTo("poll");
        assertThat(sim.conversations.find("wamid.RAW1")).isPresent();
    }

    @Test
    void a_system_message_comes_without_the_contacts_array() {
        JsonNode system = SendRequestFixtures.json("{'type':'system','system':{'body':'User Camila Rojas changed from"
                + " 573001234567 to 573009998877','wa_id':'573009998877','type':'user_changed_number'}}");

        sim.users.send(CAMILA, new UserMessage.Raw(system));

        assertThat(lastInbound().has("contacts")).isFalse();
        assertThat(lastInbound().at("/messages/0/system/wa_id").stringValue()).isEqualTo("573009998877");
    }

    @Test
    void a_reply_to_a_button_nobody_sent_is_refused_and_unknown_phones_are_not_found() {
        assertThatThrownBy(() -> sim.users.send(CAMILA, new UserMessage.ButtonReply("menu:order", null)))
                .isInstanceOfSatisfying(
                        UserMessaging.UserActionException.class,
                        e -> assertThat(e.notFound()).isFalse());
        assertThatThrownBy(() -> sim.users.send("573009999999", new UserMessage.Text("hola", null)))
                .isInstanceOfSatisfying(
                        UserMessaging.UserActionException.class,
                        e -> assertThat(e.notFound()).isTrue());
    }
}
