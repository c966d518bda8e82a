package co.wpfoods.schemas.wa;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutboundCommandsTest {

    private static OutboundCommands.Draft draft() {
        return OutboundCommands.to("573001234567").correlationId("order:8841");
    }

    @Test
    void rejects_a_fourth_reply_button() {
        assertThatThrownBy(() -> draft().buttons(b -> b.body("¿Confirmas?")
                        .button("a", "A")
                        .button("b", "B")
                        .button("c", "C")
                        .button("d", "D")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reply buttons allow at most 3 buttons, got 4");
    }

    @Test
    void rejects_duplicate_button_titles_and_long_titles() {
        assertThatThrownBy(
                        () -> draft().buttons(b -> b.body("x").button("a", "Sí").button("b", "Sí")))
                .hasMessage("buttons[1].title 'Sí' is not unique");
        assertThatThrownBy(() -> draft().buttons(b -> b.body("x").button("a", "123456789012345678901")))
                .hasMessage("buttons[0].title is 21 chars; Meta allows at most 20");
    }

    @Test
    void rejects_eleven_rows_over_sections() {
        assertThatThrownBy(() -> draft().list(l -> l.body("Elige")
                        .listButton("Ver")
                        .section("A", s -> {
                            for (int i = 0; i < 6; i++) {
                                s.row("a" + i, "Fila " + i, null);
                            }
                        })
                        .section("B", s -> {
                            for (int i = 0; i < 5; i++) {
                                s.row("b" + i, "Fila " + i, null);
                            }
                        })))
                .hasMessage("list allows at most 10 rows over all sections, got 11");
    }

    @Test
    void rejects_media_with_both_id_and_link_or_neither() {
        assertThatThrownBy(() -> draft().media(MediaType.IMAGE, "123", "https://x.example/a.png", null, null))
                .hasMessage("media needs exactly one of mediaId or link, got both");
        assertThatThrownBy(() -> draft().media(MediaType.IMAGE, null, null, null, null))
                .hasMessage("media needs exactly one of mediaId or link, got neither");
    }

    @Test
    void rejects_caption_on_audio_and_text_over_4096() {
        assertThatThrownBy(() -> draft().media(MediaType.AUDIO, "123", null, "hola", null))
                .hasMessage("media.caption is not allowed for AUDIO");
        assertThatThrownBy(() -> draft().text("x".repeat(4097)))
                .hasMessage("text.body is 4097 chars; Meta allows at most 4096");
    }

    @Test
    void requires_a_correlation_id_and_a_valid_wa_id() {
        assertThatThrownBy(() -> OutboundCommands.to("573001234567").text("Hola"))
                .hasMessage("correlationId is required and must not be blank");
        assertThatThrownBy(
                        () -> OutboundCommands.to("+57 300").correlationId("c").text("Hola"))
                .hasMessageStartingWith("to.waId must be 6 to 20 digits");
    }

    @Test
    void rejects_context_on_a_reaction_and_a_bad_template_language() {
        assertThatThrownBy(() -> draft().replyTo("wamid.X").reaction("wamid.X", "👍"))
                .hasMessage("replyToMessageId (context) is not allowed with REACTION");
        assertThatThrownBy(() -> OutboundCommands.template("pedido", "es-CO").build())
                .hasMessageStartingWith("template.languageCode must look like");
    }

    @Test
    void rejects_a_quick_reply_without_payload_and_a_missing_body() {
        assertThatThrownBy(() -> OutboundCommands.template("pedido", "es")
                        .quickReply(0, null)
                        .build())
                .hasMessage("template.components[0].parameters[0].text is required and must not be blank");
        assertThatThrownBy(() -> draft().buttons(b -> b.button("a", "A")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("body");
    }

    @Test
    void rejects_a_cta_url_header_by_media_id() {
        assertThatThrownBy(() -> draft().ctaUrl(c -> c.mediaHeader(HeaderType.IMAGE, "123", null)
                        .body("Mira")
                        .cta("Ver", "https://wpfoods.example")))
                .hasMessage("this header takes media by link only");
    }
}
