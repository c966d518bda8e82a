package co.wpfoods.messaging.sending.adapter.out.graph;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.schemas.wa.OutboundCommand;
import co.wpfoods.schemas.wa.OutboundCommands;
import co.wpfoods.schemas.wa.TemplateMessage;
import co.wpfoods.schemas.wa.TemplateParameterType;
import co.wpfoods.schemas.wa.WaUser;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GraphBodiesTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private static OutboundCommands.Draft toCamila() {
        return OutboundCommands.to("573001234567")
                .commandId("cmd-1")
                .correlationId("order:8841")
                .createdAt(NOW);
    }

    @Test
    void renders_text_with_link_preview_and_command_id_as_callback_data() {
        String json = GraphBodies.json(toCamila().text("Sigue tu pedido aquí: https://wpfoods.example/t/8841", true));

        assertThat(json)
                .isEqualTo(
                        "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"+573001234567\","
                                + "\"type\":\"text\",\"text\":{\"preview_url\":true,\"body\":\"Sigue tu pedido aqu\\u00ed: https://wpfoods.example/t/8841\"},"
                                + "\"biz_opaque_callback_data\":\"cmd-1\"}");
    }

    @Test
    void renders_reply_buttons_with_header_footer_and_quoted_context() {
        OutboundCommand command = toCamila()
                .replyTo("wamid.IN1")
                .callbackData("order:8841:msg:3")
                .buttons(b -> b.header("Pedido #8841")
                        .body("Total $88.500 COP")
                        .footer("WPFoods")
                        .button("order:8841:confirm", "Confirmar")
                        .button("order:8841:cancel", "Cancelar"));

        assertThat(GraphBodies.json(command))
                .isEqualTo(
                        "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"+573001234567\","
                                + "\"type\":\"interactive\",\"interactive\":{\"type\":\"button\","
                                + "\"header\":{\"type\":\"text\",\"text\":\"Pedido #8841\"},"
                                + "\"body\":{\"text\":\"Total $88.500 COP\"},\"footer\":{\"text\":\"WPFoods\"},"
                                + "\"action\":{\"buttons\":[{\"type\":\"reply\",\"reply\":{\"id\":\"order:8841:confirm\",\"title\":\"Confirmar\"}},"
                                + "{\"type\":\"reply\",\"reply\":{\"id\":\"order:8841:cancel\",\"title\":\"Cancelar\"}}]}},"
                                + "\"context\":{\"message_id\":\"wamid.IN1\"},\"biz_opaque_callback_data\":\"order:8841:msg:3\"}");
    }

    @Test
    void renders_a_list_with_sections_and_optional_descriptions() {
        OutboundCommand command = toCamila()
                .list(l -> l.header("Restaurantes cerca")
                        .body("Elige dónde pedir")
                        .listButton("Ver opciones")
                        .section("Pizza", s -> s.row("rest:112", "Pizzería Napoli", "Italiana · 25-35 min"))
                        .section("Hamburguesas", s -> s.row("rest:204", "La Brasa 93", null)));

        assertThat(GraphBodies.json(command))
                .contains(
                        "\"interactive\":{\"type\":\"list\",\"header\":{\"type\":\"text\",\"text\":\"Restaurantes cerca\"},"
                                + "\"body\":{\"text\":\"Elige d\\u00f3nde pedir\"},\"action\":{\"button\":\"Ver opciones\",\"sections\":["
                                + "{\"title\":\"Pizza\",\"rows\":[{\"id\":\"rest:112\",\"title\":\"Pizzer\\u00eda Napoli\",\"description\":\"Italiana \\u00b7 25-35 min\"}]},"
                                + "{\"title\":\"Hamburguesas\",\"rows\":[{\"id\":\"rest:204\",\"title\":\"La Brasa 93\"}]}]}}");
    }

    @Test
    void renders_cta_url_location_and_location_request() {
        assertThat(GraphBodies.json(toCamila()
                        .ctaUrl(c ->
                                c.body("Mira dónde está").cta("Rastrear pedido", "https://wpfoods.example/t/8841"))))
                .contains("\"interactive\":{\"type\":\"cta_url\",\"body\":{\"text\":\"Mira d\\u00f3nde est\\u00e1\"},"
                        + "\"action\":{\"name\":\"cta_url\",\"parameters\":{\"display_text\":\"Rastrear pedido\","
                        + "\"url\":\"https://wpfoods.example/t/8841\"}}}");
        assertThat(GraphBodies.json(toCamila().location(4.6486259, -74.0628021, "Pizzería Napoli", null)))
                .contains(
                        "\"type\":\"location\",\"location\":{\"latitude\":\"4.6486259\",\"longitude\":\"-74.0628021\","
                                + "\"name\":\"Pizzer\\u00eda Napoli\"}");
        // a geocoded point's binary noise does not reach the phone
        assertThat(GraphBodies.json(toCamila().location(4.7039740000000005, -74.05811999999999, "Andrés", null)))
                .contains("\"latitude\":\"4.703974\",\"longitude\":\"-74.05812\"");
        assertThat(GraphBodies.json(toCamila().locationRequest("Comparte tu ubicación")))
                .contains(
                        "\"interactive\":{\"type\":\"location_request_message\",\"body\":{\"text\":\"Comparte tu ubicaci\\u00f3n\"},"
                                + "\"action\":{\"name\":\"send_location\"}}");
    }

    @Test
    void renders_media_by_id_and_by_link() {
        assertThat(GraphBodies.json(toCamila().imageById("1479537139650973", "Menú del día")))
                .contains(
                        "\"type\":\"image\",\"image\":{\"id\":\"1479537139650973\",\"caption\":\"Men\\u00fa del d\\u00eda\"}");
        assertThat(GraphBodies.json(toCamila()
                        .documentByLink("https://wpfoods.example/receipts/8841.pdf", "recibo-8841.pdf", "Tu recibo")))
                .contains("\"type\":\"document\",\"document\":{\"link\":\"https://wpfoods.example/receipts/8841.pdf\","
                        + "\"caption\":\"Tu recibo\",\"filename\":\"recibo-8841.pdf\"}");
    }

    @Test
    void renders_reaction_without_callback_data() {
        assertThat(GraphBodies.json(toCamila().reaction("wamid.IN1", "👍")))
                .isEqualTo(
                        "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"+573001234567\","
                                + "\"type\":\"reaction\",\"reaction\":{\"message_id\":\"wamid.IN1\",\"emoji\":\"\\ud83d\\udc4d\"}}");
    }

    @Test
    void renders_a_template_with_header_body_currency_and_buttons() {
        TemplateMessage template = OutboundCommands.template("pedido_en_camino", "es")
                .headerMedia(TemplateParameterType.IMAGE, null, "https://wpfoods.example/img/moto.png")
                .bodyText("Camila", "8841")
                .bodyCurrency("$88.500", "COP", 88_500_000L)
                .quickReply(0, "order:8841:help")
                .urlButton(1, "8841")
                .build();

        assertThat(GraphBodies.json(toCamila().template(template)))
                .contains(
                        "\"type\":\"template\",\"template\":{\"name\":\"pedido_en_camino\",\"language\":{\"code\":\"es\"},"
                                + "\"components\":[{\"type\":\"header\",\"parameters\":[{\"type\":\"image\",\"image\":{\"link\":\"https://wpfoods.example/img/moto.png\"}}]},"
                                + "{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"Camila\"},{\"type\":\"text\",\"text\":\"8841\"},"
                                + "{\"type\":\"currency\",\"currency\":{\"fallback_value\":\"$88.500\",\"code\":\"COP\",\"amount_1000\":88500000}}]},"
                                + "{\"type\":\"button\",\"sub_type\":\"quick_reply\",\"index\":\"0\",\"parameters\":[{\"type\":\"payload\",\"payload\":\"order:8841:help\"}]},"
                                + "{\"type\":\"button\",\"sub_type\":\"url\",\"index\":\"1\",\"parameters\":[{\"type\":\"text\",\"text\":\"8841\"}]}]}");
    }

    @Test
    void renders_mark_as_read_with_typing_indicator() {
        assertThat(GraphBodies.json(toCamila().markRead("wamid.IN1", true)))
                .isEqualTo("{\"messaging_product\":\"whatsapp\",\"status\":\"read\",\"message_id\":\"wamid.IN1\","
                        + "\"typing_indicator\":{\"type\":\"text\"}}");
    }

    @Test
    void sends_to_a_business_scoped_user_id_when_there_is_no_wa_id() {
        OutboundCommand command = OutboundCommands.to(
                        WaUser.newBuilder().setUserId("user.9373").build())
                .correlationId("c")
                .text("Hola");

        assertThat(GraphBodies.render(command)).containsEntry("to", "user.9373");
    }
}
