package co.wpfoods.messaging.sending.adapter.out.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.wpfoods.schemas.wa.MediaType;
import co.wpfoods.schemas.wa.OutboundCommand;
import co.wpfoods.schemas.wa.OutboundCommands;
import co.wpfoods.schemas.wa.OutboundLimits;
import co.wpfoods.schemas.wa.TemplateMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Any input inside Meta's limits builds a command whose rendered Graph body Meta's documented limits accept (checked
 * here on the rendered JSON tree, independently of {@link OutboundLimits}); any input over a limit is rejected with a
 * message naming the limit.
 */
class OutboundCommandsProperties {

    private static OutboundCommands.Draft draft() {
        return OutboundCommands.to("573001234567").correlationId("order:1");
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withChars('á', 'ñ', ' ', '$', '"', '\n')
                .ofMinLength(1)
                .ofMaxLength(80)
                .filter(s -> !s.isBlank());
    }

    @Property(tries = 200)
    void text_bodies_up_to_4096_are_sent_and_longer_ones_rejected(@ForAll @IntRange(min = 1, max = 5000) int length) {
        String body = "é".repeat(length);
        if (length <= 4096) {
            Map<String, Object> rendered = GraphBodies.render(draft().text(body));
            assertThat(MetaLimits.violations(rendered)).isEmpty();
        } else {
            assertThatThrownBy(() -> draft().text(body))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("text.body is " + length + " chars; Meta allows at most 4096");
        }
    }

    @Property(tries = 300)
    void reply_buttons_within_limits_render_acceptably_and_others_are_rejected(
            @ForAll @IntRange(min = 0, max = 5) int count,
            @ForAll @IntRange(min = 1, max = 24) int titleLength,
            @ForAll @IntRange(min = 1, max = 1100) int bodyLength) {
        boolean valid = count >= 1 && count <= 3 && titleLength <= 20 && bodyLength <= 1024;
        var attempt = (Runnable) () -> GraphBodies.render(draft().buttons(b -> {
            b.body("b".repeat(bodyLength));
            for (int i = 0; i < count; i++) {
                b.button("id-" + i, (i + "t".repeat(titleLength)).substring(0, titleLength));
            }
        }));
        if (valid) {
            Map<String, Object> rendered = GraphBodies.render(draft().buttons(b -> {
                b.body("b".repeat(bodyLength));
                for (int i = 0; i < count; i++) {
                    b.button("id-" + i, (i + "t".repeat(titleLength)).substring(0, titleLength));
                }
            }));
            assertThat(MetaLimits.violations(rendered)).isEmpty();
        } else {
            assertThatThrownBy(attempt::run)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageMatching(".*(at most|at least).*");
        }
    }

    @Property(tries = 300)
    void lists_within_limits_render_acceptably_and_others_are_rejected(
            @ForAll @IntRange(min = 1, max = 12) int sections,
            @ForAll @IntRange(min = 1, max = 3) int rowsPerSection,
            @ForAll @IntRange(min = 1, max = 30) int rowTitleLength,
            @ForAll @IntRange(min = 0, max = 80) int descriptionLength,
            @ForAll @IntRange(min = 1, max = 26) int labelLength) {
        int rows = sections * rowsPerSection;
        boolean valid =
                sections <= 10 && rows <= 10 && rowTitleLength <= 24 && descriptionLength <= 72 && labelLength <= 20;
        java.util.function.Supplier<OutboundCommand> build = () -> draft().list(l -> {
            l.body("Elige").listButton("v".repeat(labelLength));
            for (int s = 0; s < sections; s++) {
                int section = s;
                l.section("Sección " + s, r -> {
                    for (int i = 0; i < rowsPerSection; i++) {
                        r.row(
                                "row-" + section + "-" + i,
                                "r".repeat(rowTitleLength),
                                descriptionLength == 0 ? null : "d".repeat(descriptionLength));
                    }
                });
            }
        });
        if (valid) {
            assertThat(MetaLimits.violations(GraphBodies.render(build.get()))).isEmpty();
        } else {
            assertThatThrownBy(build::get)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at most");
        }
    }

    @Property(tries = 200)
    void media_needs_exactly_one_of_id_and_link_and_a_short_caption(
            @ForAll boolean withId,
            @ForAll boolean withLink,
            @ForAll @IntRange(min = 0, max = 1100) int captionLength,
            @ForAll("mediaTypes") MediaType type) {
        String caption = captionLength == 0 ? null : "c".repeat(captionLength);
        boolean captionable = type == MediaType.IMAGE || type == MediaType.VIDEO || type == MediaType.DOCUMENT;
        boolean valid = withId != withLink && (caption == null || (captionable && captionLength <= 1024));
        java.util.function.Supplier<OutboundCommand> build = () -> draft().media(
                        type,
                        withId ? "1479537139650973" : null,
                        withLink ? "https://wpfoods.example/m" : null,
                        caption,
                        null);
        if (valid) {
            assertThat(MetaLimits.violations(GraphBodies.render(build.get()))).isEmpty();
        } else {
            assertThatThrownBy(build::get)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageMatching(".*(exactly one of mediaId or link|not allowed for|at most 1024).*");
        }
    }

    @Provide
    Arbitrary<MediaType> mediaTypes() {
        return Arbitraries.of(MediaType.class);
    }

    @Property(tries = 200)
    void templates_with_valid_parameters_render_and_fallbacks_travel_with_the_command(
            @ForAll("parameterLists") List<String> parameters, @ForAll("words") String body) {
        boolean valid = parameters.stream().allMatch(p -> !p.isBlank() && p.length() <= 1024);
        java.util.function.Supplier<TemplateMessage> build = () -> OutboundCommands.template("pedido_en_camino", "es")
                .bodyText(parameters.toArray(String[]::new))
                .build();
        if (valid) {
            OutboundCommand command = draft().fallbackTemplate(build.get()).text(body);
            assertThat(MetaLimits.violations(GraphBodies.render(command))).isEmpty();
            OutboundCommand template = draft().template(command.getFallbackTemplate());
            assertThat(MetaLimits.violations(GraphBodies.render(template))).isEmpty();
        } else {
            assertThatThrownBy(build::get)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageMatching(".*(required and must not be blank|at most 1024).*");
        }
    }

    @Provide
    Arbitrary<List<String>> parameterLists() {
        Arbitrary<String> parameter = Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(30),
                Arbitraries.just(" "),
                Arbitraries.integers().between(1000, 1030).map("x"::repeat));
        return parameter.list().ofMaxSize(5);
    }

    /** Meta's documented limits (reference §5), checked on the rendered body rather than on the command. */
    static final class MetaLimits {

        static List<String> violations(Map<String, Object> body) {
            List<String> v = new ArrayList<>();
            check(v, "whatsapp".equals(body.get("messaging_product")), "messaging_product");
            check(v, String.valueOf(body.get("to")).matches("\\+[0-9]{6,20}"), "to is E.164");
            Object callback = body.get("biz_opaque_callback_data");
            check(v, callback == null || ((String) callback).length() <= 512, "biz_opaque_callback_data <= 512");
            String type = (String) body.get("type");
            check(v, body.containsKey(type), "payload object for type " + type);
            switch (type) {
                case "text" -> len(v, "text.body", map(body, "text").get("body"), 4096);
                case "interactive" -> interactive(v, map(body, "interactive"));
                case "image", "video", "document", "audio", "sticker" -> {
                    Map<String, Object> media = map(body, type);
                    check(v, media.containsKey("id") != media.containsKey("link"), "exactly one of id/link");
                    if (media.containsKey("caption")) {
                        check(v, Set.of("image", "video", "document").contains(type), "caption type");
                        len(v, "caption", media.get("caption"), 1024);
                    }
                }
                case "template" -> {
                    Map<String, Object> template = map(body, "template");
                    check(v, template.get("name") != null, "template.name");
                    check(v, map(template, "language").get("code") != null, "language.code");
                }
                default -> {}
            }
            return v;
        }

        @SuppressWarnings("unchecked")
        private static void interactive(List<String> v, Map<String, Object> i) {
            Map<String, Object> action = map(i, "action");
            Object header = i.get("header");
            if (header != null && "text".equals(((Map<String, Object>) header).get("type"))) {
                len(v, "header.text", ((Map<String, Object>) header).get("text"), 60);
            }
            if (i.get("footer") != null) {
                len(v, "footer", map(i, "footer").get("text"), 60);
            }
            switch ((String) i.get("type")) {
                case "button" -> {
                    len(v, "body", map(i, "body").get("text"), 1024);
                    List<Map<String, Object>> buttons = (List<Map<String, Object>>) action.get("buttons");
                    check(v, !buttons.isEmpty() && buttons.size() <= 3, "1..3 buttons");
                    Set<Object> ids = new HashSet<>();
                    Set<Object> titles = new HashSet<>();
                    for (Map<String, Object> b : buttons) {
                        Map<String, Object> reply = map(b, "reply");
                        len(v, "reply.id", reply.get("id"), 256);
                        len(v, "reply.title", reply.get("title"), 20);
                        check(v, ids.add(reply.get("id")) && titles.add(reply.get("title")), "unique buttons");
                    }
                }
                case "list" -> {
                    len(v, "body", map(i, "body").get("text"), 4096);
                    len(v, "action.button", action.get("button"), 20);
                    List<Map<String, Object>> sections = (List<Map<String, Object>>) action.get("sections");
                    check(v, !sections.isEmpty() && sections.size() <= 10, "1..10 sections");
                    int rows = 0;
                    for (Map<String, Object> s : sections) {
                        len(v, "section.title", s.get("title"), 24);
                        for (Map<String, Object> r : (List<Map<String, Object>>) s.get("rows")) {
                            rows++;
                            len(v, "row.id", r.get("id"), 200);
                            len(v, "row.title", r.get("title"), 24);
                            if (r.containsKey("description")) {
                                len(v, "row.description", r.get("description"), 72);
                            }
                        }
                    }
                    check(v, rows >= 1 && rows <= 10, "1..10 rows");
                }
                default -> {}
            }
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> map(Map<String, Object> m, String key) {
            return (Map<String, Object>) m.get(key);
        }

        private static void len(List<String> v, String what, Object value, int max) {
            check(v, value instanceof String s && !s.isBlank() && s.length() <= max, what + " 1.." + max);
        }

        private static void check(List<String> v, boolean ok, String what) {
            if (!ok) {
                v.add(what);
            }
        }
    }
}
