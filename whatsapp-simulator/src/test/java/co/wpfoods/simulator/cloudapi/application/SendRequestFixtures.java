package co.wpfoods.simulator.cloudapi.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.wpfoods.simulator.cloudapi.domain.GraphApiException;
import co.wpfoods.simulator.cloudapi.domain.TemplateDefinition;
import co.wpfoods.simulator.cloudapi.domain.TemplateDefinition.Button;
import co.wpfoods.simulator.cloudapi.domain.TemplateDefinition.ButtonType;
import co.wpfoods.simulator.cloudapi.domain.TemplateDefinition.HeaderFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Validator wired with WPFoods-flavoured templates and media, plus JSON helpers for the tests. */
final class SendRequestFixtures {

    static final String BUSINESS_NUMBER = "573150000000";
    static final String IMAGE_ID = "1479537139650973";
    static final String AUDIO_ID = "1479537139650974";
    static final JsonMapper JSON = JsonMapper.builder().build();

    static final Map<String, TemplateDefinition> TEMPLATES = Map.of(
            "pedido_en_camino/es",
            new TemplateDefinition(
                    "pedido_en_camino",
                    "es",
                    "UTILITY",
                    HeaderFormat.IMAGE,
                    null,
                    "Hola {{1}}, tu pedido #{{2}} va en camino. Total: {{3}}.",
                    "WPFoods",
                    List.of(
                            new Button(ButtonType.QUICK_REPLY, "Necesito ayuda", null),
                            new Button(ButtonType.URL, "Rastrear pedido", "https://wpfoods.example/t/{{1}}"))),
            "oferta_rapitendero/es",
            new TemplateDefinition(
                    "oferta_rapitendero",
                    "es",
                    "UTILITY",
                    HeaderFormat.TEXT,
                    "Nuevo pedido {{1}}",
                    "Recoge en {{1}} y entrega en {{2}}.",
                    null,
                    List.of()),
            "recordatorio_pago/es",
            new TemplateDefinition(
                    "recordatorio_pago",
                    "es",
                    "UTILITY",
                    null,
                    null,
                    "Hola {{customer_name}}, tu pago de {{amount}} sigue pendiente.",
                    null,
                    null),
            "texto_libre/es",
            new TemplateDefinition("texto_libre", "es", "MARKETING", null, null, "{{1}}", null, null));

    static final SendRequestValidator.MediaCatalog MEDIA = id -> switch (id) {
        case IMAGE_ID -> Optional.of("image/jpeg");
        case AUDIO_ID -> Optional.of("audio/ogg; codecs=opus");
        default -> Optional.empty();
    };

    static final SendRequestValidator VALIDATOR = new SendRequestValidator(
            new TemplateValidator(key -> Optional.ofNullable(TEMPLATES.get(key)), MEDIA), MEDIA, BUSINESS_NUMBER);

    private SendRequestFixtures() {}

    static JsonNode json(String text) {
        return JSON.readTree(text.replace('\'', '"'));
    }

    /** A send to Camila with the given {@code "type": {...}} fragment (single quotes allowed). */
    static String send(String type, String payload) {
        return "{'messaging_product':'whatsapp','recipient_type':'individual','to':'+573001234567','type':'" + type
                + "','" + type + "':" + payload + "}";
    }

    static SendRequestValidator.SendRequest validate(String body) {
        return VALIDATOR.validate(json(body));
    }

    static SendRequestValidator.SendRequest validate(JsonNode body) {
        return VALIDATOR.validate(body);
    }

    static void rejected(String body, int code) {
        assertThatThrownBy(() -> validate(body))
                .isInstanceOfSatisfying(
                        GraphApiException.class,
                        e -> assertThat(e.error().code()).as(e.details()).isEqualTo(code));
    }

    static void rejected(JsonNode body, int code) {
        assertThatThrownBy(() -> validate(body))
                .isInstanceOfSatisfying(
                        GraphApiException.class,
                        e -> assertThat(e.error().code()).as(e.details()).isEqualTo(code));
    }

    static String repeat(String s, int times) {
        return s.repeat(times);
    }
}
