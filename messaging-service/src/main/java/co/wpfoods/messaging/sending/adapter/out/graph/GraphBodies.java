package co.wpfoods.messaging.sending.adapter.out.graph;

import co.wpfoods.schemas.wa.HeaderType;
import co.wpfoods.schemas.wa.InteractiveHeader;
import co.wpfoods.schemas.wa.ListRow;
import co.wpfoods.schemas.wa.ListSection;
import co.wpfoods.schemas.wa.MarkRead;
import co.wpfoods.schemas.wa.OutboundCommand;
import co.wpfoods.schemas.wa.OutboundInteractive;
import co.wpfoods.schemas.wa.OutboundKind;
import co.wpfoods.schemas.wa.OutboundLocation;
import co.wpfoods.schemas.wa.OutboundMedia;
import co.wpfoods.schemas.wa.ReplyButton;
import co.wpfoods.schemas.wa.TemplateComponent;
import co.wpfoods.schemas.wa.TemplateMessage;
import co.wpfoods.schemas.wa.TemplateParameter;
import co.wpfoods.schemas.wa.WaUser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders an {@link OutboundCommand} as the JSON body of {@code POST /{phone-number-id}/messages} (WhatsApp Cloud API
 * reference §5), field for field. {@link #render} gives an ordered tree of maps, lists, strings and booleans;
 * {@link #json} writes it with Jackson, non-ASCII escaped as {@code \\uXXXX} like Meta's own payloads. (It lived in
 * {@code schemas}, which holds contracts only; rendering Meta's wire format is this adapter's job.)
 */
public final class GraphBodies {

    private GraphBodies() {}

    private static final ObjectWriter JSON = JsonMapper.builder()
            .build()
            .writer()
            .with(JsonWriteFeature.ESCAPE_NON_ASCII)
            .without(JsonWriteFeature.WRITE_HEX_UPPER_CASE);

    /** The JSON body for this command. */
    public static String json(OutboundCommand command) {
        return JSON.writeValueAsString(render(command));
    }

    /**
     * The body as an ordered tree. {@code biz_opaque_callback_data} is the command's own value, else its command id,
     * so that status webhooks can be matched to the command even without the returned wamid.
     */
    public static Map<String, Object> render(OutboundCommand command) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        if (command.getKind() == OutboundKind.MARK_READ) {
            MarkRead read = command.getMarkRead();
            body.put("status", "read");
            body.put("message_id", read.getMessageId());
            if (read.getTypingIndicator()) {
                body.put("typing_indicator", Map.of("type", "text"));
            }
            return body;
        }
        body.put("recipient_type", "individual");
        body.put("to", recipient(command.getTo()));
        switch (command.getKind()) {
            case TEXT -> {
                body.put("type", "text");
                Map<String, Object> text = new LinkedHashMap<>();
                if (command.getText().getPreviewUrl()) {
                    text.put("preview_url", true);
                }
                text.put("body", command.getText().getBody());
                body.put("text", text);
            }
            case BUTTONS, LIST, CTA_URL, LOCATION_REQUEST -> {
                body.put("type", "interactive");
                body.put("interactive", interactive(command.getKind(), command.getInteractive()));
            }
            case LOCATION -> {
                body.put("type", "location");
                OutboundLocation l = command.getLocation();
                Map<String, Object> location = new LinkedHashMap<>();
                location.put("latitude", decimal(l.getLatitude()));
                location.put("longitude", decimal(l.getLongitude()));
                putIfSet(location, "name", l.getName());
                putIfSet(location, "address", l.getAddress());
                body.put("location", location);
            }
            case MEDIA -> {
                OutboundMedia m = command.getMedia();
                String type = m.getMediaType().name().toLowerCase(Locale.ROOT);
                Map<String, Object> media = mediaRef(m.getMediaId(), m.getLink());
                putIfSet(media, "caption", m.getCaption());
                putIfSet(media, "filename", m.getFilename());
                body.put("type", type);
                body.put(type, media);
            }
            case REACTION -> {
                body.put("type", "reaction");
                Map<String, Object> reaction = new LinkedHashMap<>();
                reaction.put("message_id", command.getReaction().getMessageId());
                reaction.put("emoji", command.getReaction().getEmoji());
                body.put("reaction", reaction);
            }
            case TEMPLATE -> {
                body.put("type", "template");
                body.put("template", template(command.getTemplate()));
            }
            case MARK_READ, UNKNOWN -> throw new IllegalArgumentException("Cannot render kind " + command.getKind());
        }
        if (command.getReplyToMessageId() != null) {
            body.put("context", Map.of("message_id", command.getReplyToMessageId()));
        }
        if (command.getKind() != OutboundKind.REACTION) {
            String callback = command.getBizOpaqueCallbackData();
            body.put("biz_opaque_callback_data", callback != null ? callback : command.getCommandId());
        }
        return body;
    }

    /** E.164 with '+' for a wa_id (reference §7.2), else the business-scoped user id. */
    public static String recipient(WaUser to) {
        if (to.getWaId() != null && !to.getWaId().isEmpty()) {
            return "+" + to.getWaId();
        }
        return to.getUserId();
    }

    private static Map<String, Object> interactive(OutboundKind kind, OutboundInteractive i) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "type",
                switch (kind) {
                    case BUTTONS -> "button";
                    case LIST -> "list";
                    case CTA_URL -> "cta_url";
                    default -> "location_request_message";
                });
        if (i.getHeader() != null) {
            out.put("header", header(i.getHeader()));
        }
        out.put("body", Map.of("text", i.getBody()));
        if (i.getFooter() != null) {
            out.put("footer", Map.of("text", i.getFooter()));
        }
        Map<String, Object> action = new LinkedHashMap<>();
        switch (kind) {
            case BUTTONS -> {
                List<Object> buttons = new ArrayList<>();
                for (ReplyButton b : i.getButtons()) {
                    Map<String, Object> reply = new LinkedHashMap<>();
                    reply.put("id", b.getId());
                    reply.put("title", b.getTitle());
                    Map<String, Object> button = new LinkedHashMap<>();
                    button.put("type", "reply");
                    button.put("reply", reply);
                    buttons.add(button);
                }
                action.put("buttons", buttons);
            }
            case LIST -> {
                action.put("button", i.getListButton());
                List<Object> sections = new ArrayList<>();
                for (ListSection s : i.getSections()) {
                    List<Object> rows = new ArrayList<>();
                    for (ListRow r : s.getRows()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("id", r.getId());
                        row.put("title", r.getTitle());
                        putIfSet(row, "description", r.getDescription());
                        rows.add(row);
                    }
                    Map<String, Object> section = new LinkedHashMap<>();
                    section.put("title", s.getTitle());
                    section.put("rows", rows);
                    sections.add(section);
                }
                action.put("sections", sections);
            }
            case CTA_URL -> {
                action.put("name", "cta_url");
                Map<String, Object> parameters = new LinkedHashMap<>();
                parameters.put("display_text", i.getCtaDisplayText());
                parameters.put("url", i.getCtaUrl());
                action.put("parameters", parameters);
            }
            default -> action.put("name", "send_location");
        }
        out.put("action", action);
        return out;
    }

    private static Map<String, Object> header(InteractiveHeader h) {
        Map<String, Object> header = new LinkedHashMap<>();
        String type = h.getType().name().toLowerCase(Locale.ROOT);
        header.put("type", type);
        if (h.getType() == HeaderType.TEXT) {
            header.put("text", h.getText());
        } else {
            header.put(type, mediaRef(h.getMediaId(), h.getLink()));
        }
        return header;
    }

    static Map<String, Object> template(TemplateMessage t) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", t.getName());
        template.put("language", Map.of("code", t.getLanguageCode()));
        if (!t.getComponents().isEmpty()) {
            List<Object> components = new ArrayList<>();
            for (TemplateComponent c : t.getComponents()) {
                Map<String, Object> component = new LinkedHashMap<>();
                component.put("type", c.getType().name().toLowerCase(Locale.ROOT));
                if (c.getSubType() != null) {
                    component.put("sub_type", c.getSubType());
                }
                if (c.getIndex() != null) {
                    component.put("index", String.valueOf(c.getIndex()));
                }
                List<Object> parameters = new ArrayList<>();
                for (TemplateParameter p : c.getParameters()) {
                    parameters.add(parameter(p));
                }
                component.put("parameters", parameters);
                components.add(component);
            }
            template.put("components", components);
        }
        return template;
    }

    private static Map<String, Object> parameter(TemplateParameter p) {
        Map<String, Object> out = new LinkedHashMap<>();
        String type = p.getType().name().toLowerCase(Locale.ROOT);
        out.put("type", type);
        putIfSet(out, "parameter_name", p.getParameterName());
        switch (p.getType()) {
            case TEXT -> out.put("text", p.getText());
            case PAYLOAD -> out.put("payload", p.getText());
            case DATE_TIME -> out.put("date_time", Map.of("fallback_value", p.getText()));
            case CURRENCY -> {
                Map<String, Object> currency = new LinkedHashMap<>();
                currency.put("fallback_value", p.getText());
                currency.put("code", p.getCurrencyCode());
                currency.put("amount_1000", p.getAmount1000());
                out.put("currency", currency);
            }
            case IMAGE, VIDEO, DOCUMENT -> out.put(type, mediaRef(p.getMediaId(), p.getLink()));
        }
        return out;
    }

    private static Map<String, Object> mediaRef(String id, String link) {
        Map<String, Object> media = new LinkedHashMap<>();
        if (id != null) {
            media.put("id", id);
        } else {
            media.put("link", link);
        }
        return media;
    }

    /** Degrees to seven decimals (about a centimetre): a geocoded 4.7039740000000005 goes as 4.703974. */
    private static String decimal(double degrees) {
        return BigDecimal.valueOf(degrees)
                .setScale(7, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    private static void putIfSet(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
