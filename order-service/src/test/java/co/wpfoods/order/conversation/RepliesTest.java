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
}
