package co.wpfoods.simulator.cloudapi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.simulator.cloudapi.domain.TemplateDefinition.HeaderFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainRulesTest {

    @Test
    void phone_numbers_accept_meta_formatting_and_refuse_words() {
        assertThat(PhoneNumbers.toWaId("+57 (300) 123-4567")).contains("573001234567");
        assertThat(PhoneNumbers.toWaId("573001234567")).contains("573001234567");
        assertThat(PhoneNumbers.toWaId("camila")).isEmpty();
        assertThat(PhoneNumbers.toWaId("+57")).isEmpty();
    }

    @Test
    void the_window_opens_with_a_user_message_and_closes_after_24_hours() {
        Instant t0 = Instant.parse("2026-11-26T12:00:00Z");
        CustomerServiceWindows windows = new CustomerServiceWindows(Duration.ofHours(24));

        assertThat(windows.isOpen("573001234567", t0)).isFalse();
        windows.userMessaged("573001234567", t0);
        assertThat(windows.isOpen("573001234567", t0.plus(Duration.ofHours(23))))
                .isTrue();
        assertThat(windows.isOpen("573001234567", t0.plus(Duration.ofHours(24))))
                .isFalse();
    }

    @Test
    void template_parameters_come_from_placeholders() {
        var positional = new TemplateDefinition(
                "oferta", "es", null, HeaderFormat.TEXT, "Pedido {{1}}", "Recoge en {{1}}, paga {{2}}", null, null);
        var named = new TemplateDefinition(
                "pago", "es", null, null, null, "Hola {{customer_name}}, debes {{amount}}", null, null);

        assertThat(positional.headerParameterCount()).isEqualTo(1);
        assertThat(positional.bodyParameterNames()).containsExactly("1", "2");
        assertThat(positional.namedParameters()).isFalse();
        assertThat(named.namedParameters()).isTrue();
        assertThat(named.hydrateBody(Map.of("customer_name", "Camila", "amount", "$5.000")))
                .isEqualTo("Hola Camila, debes $5.000");
    }

    @Test
    void media_kinds_follow_metas_mime_lists() {
        assertThat(MediaKind.forMimeType("audio/ogg; codecs=opus")).contains(MediaKind.AUDIO);
        assertThat(MediaKind.forMimeType("image/webp")).contains(MediaKind.STICKER);
        assertThat(MediaKind.forMimeType("image/gif")).isEmpty();
        assertThat(MediaKind.IMAGE.accepts("image/png")).isTrue();
    }

    @Test
    void message_ids_look_like_metas() {
        assertThat(MessageIds.newWamid("573001234567")).startsWith("wamid.").hasSizeGreaterThan(30);
        assertThat(MessageIds.newMediaId()).matches("\\d+");
    }

    @Test
    void graph_error_messages_have_metas_shape() {
        assertThat(GraphError.PAIR_RATE_LIMIT.message())
                .isEqualTo("(#131056) (Business Account, Consumer Account) pair rate limit hit");
        assertThat(GraphError.TEMPLATE_NOT_FOUND.httpStatus()).isEqualTo(404);
        assertThat(GraphError.INVALID_ACCESS_TOKEN.httpStatus()).isEqualTo(401);
    }
}
