package co.wpfoods.order.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.order.conversation.application.Replies;
import org.junit.jupiter.api.Test;

class RepliesTest {

    @Test
    void titles_longer_than_metas_limit_are_shortened_with_an_ellipsis() {
        assertThat(Replies.fit("Almuerzo ejecutivo del día", 24))
                .hasSizeLessThanOrEqualTo(24)
                .endsWith("…");
        assertThat(Replies.fit("Bandeja paisa", 24)).isEqualTo("Bandeja paisa");
        assertThat(Replies.fit(null, 24)).isNull();
    }

    @Test
    void the_last_prompt_is_what_the_person_read_with_buttons_named_and_list_rows_numbered() {
        // given replies that send a text, then buttons, then a list
        var sent = new java.util.ArrayList<co.wpfoods.schemas.wa.OutboundCommand>();
        var messages = new org.springframework.context.support.StaticMessageSource();
        var replies = new Replies(
                sent::add,
                messages,
                co.wpfoods.schemas.wa.WaUser.newBuilder()
                        .setWaId("573001112233")
                        .build(),
                "es",
                "wamid.test",
                "conv:test",
                java.time.Instant.parse("2026-12-07T17:00:00Z"));

        // when each is sent, then the last prompt is that message as text
        replies.text("Hola");
        assertThat(replies.lastPrompt()).isEqualTo("Hola");
        replies.buttons(
                "¿Confirmamos tu pedido?",
                java.util.List.of(new Replies.Button("yes", "Sí"), new Replies.Button("no", "No")));
        assertThat(replies.lastPrompt()).isEqualTo("¿Confirmamos tu pedido? (Sí / No)");
        replies.list(
                "Elige un restaurante",
                "Ver",
                new Replies.Sections()
                        .add("Cerca", new Replies.Row("r1", "La Brasa Rola", null))
                        .add("Cerca", new Replies.Row("r2", "Pizzería Don Vito", null))
                        .build());
        assertThat(replies.lastPrompt()).isEqualTo("Elige un restaurante\n1. La Brasa Rola\n2. Pizzería Don Vito");
        assertThat(sent).hasSize(3);
    }
}
