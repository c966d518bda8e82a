package co.wpfoods.order.conversation.application;

import co.wpfoods.schemas.wa.OutboundCommands;
import co.wpfoods.schemas.wa.TemplateMessage;
import co.wpfoods.schemas.wa.WaUser;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;

/**
 * The replies to one person for one cause (an inbound message, an order event): texts from the message bundles in the
 * person's language, command ids derived from the cause (the same cause always yields the same ids), titles shortened
 * to Meta's limits. Every command goes through {@link Chat}.
 */
public final class Replies {

    public static final int BUTTON_TITLE = 20;
    public static final int ROW_TITLE = 24;
    public static final int ROW_DESCRIPTION = 72;
    public static final int SECTION_TITLE = 24;
    /** Meta shows at most ten rows in one list message. */
    public static final int LIST_ROWS = 10;

    private final Chat chat;
    private final MessageSource messages;
    private final WaUser to;
    private final Locale locale;
    private final String cause;
    private final String correlationId;
    private final Instant now;
    private int sequence;
    private TemplateMessage fallback;
    private String lastPrompt;

    public Replies(
            Chat chat,
            MessageSource messages,
            WaUser to,
            String language,
            String cause,
            String correlationId,
            Instant now) {
        this.chat = chat;
        this.messages = messages;
        this.to = to;
        this.locale = localeOf(language);
        this.cause = cause;
        this.correlationId = correlationId;
        this.now = now;
    }

    public static Locale localeOf(String language) {
        return "en".equals(language) ? Locale.ENGLISH : Locale.forLanguageTag("es-CO");
    }

    /** The next sends name this approved template for when the person's 24-hour window has closed. */
    public Replies withFallback(TemplateMessage template) {
        this.fallback = template;
        return this;
    }

    public String t(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    public String languageCode() {
        return locale.getLanguage().equals("en") ? "en" : "es";
    }

    public String cop(long amount) {
        var format = NumberFormat.getIntegerInstance(Locale.forLanguageTag("es-CO"));
        return "$" + format.format(amount);
    }

    /**
     * What the person last read from us, as plain text: the body, then the buttons' titles, or the list's rows
     * numbered 1, 2, 3… (so a typed "2" can be read against it). ai-service gets it as {@code context.lastMessages}
     * to read short replies ("sí", "2", "el segundo"). Null until something is sent.
     */
    public String lastPrompt() {
        return lastPrompt;
    }

    public void text(String body) {
        lastPrompt = body;
        chat.send(draft().text(body));
    }

    public void buttons(String body, List<Button> buttons) {
        lastPrompt = body
                + buttons.stream().map(Button::title).collect(java.util.stream.Collectors.joining(" / ", " (", ")"));
        chat.send(draft().buttons(b -> {
            b.body(body);
            buttons.forEach(button -> b.button(button.id(), fit(button.title(), BUTTON_TITLE)));
        }));
    }

    public void list(String body, String listButton, List<Section> sections) {
        var prompt = new StringBuilder(body);
        int n = 0;
        for (Section section : sections) {
            for (Row row : section.rows()) {
                prompt.append('\n').append(++n).append(". ").append(row.title());
            }
        }
        lastPrompt = prompt.toString();
        chat.send(draft().list(b -> {
            b.body(body).listButton(fit(listButton, BUTTON_TITLE));
            for (Section section : sections) {
                b.section(
                        fit(section.title(), SECTION_TITLE),
                        s -> section.rows()
                                .forEach(r -> s.row(
                                        r.id(), fit(r.title(), ROW_TITLE), fit(r.description(), ROW_DESCRIPTION))));
            }
        }));
    }

    /** An image uploaded to WhatsApp's media store, sent by its media id. */
    public void image(String mediaId, String caption) {
        chat.send(draft().imageById(mediaId, caption));
    }

    public void locationRequest(String body) {
        lastPrompt = body;
        chat.send(draft().locationRequest(body));
    }

    public void location(double latitude, double longitude, String name) {
        chat.send(draft().location(latitude, longitude, name, null));
    }

    /** An approved template sent as it is (a marketing template, which may leave outside the 24-hour window). */
    public void template(TemplateMessage template) {
        chat.send(draft().template(template));
    }

    public record Button(String id, String title) {}

    public record Row(String id, String title, String description) {}

    public record Section(String title, List<Row> rows) {}

    /** Collects rows into sections, in order. */
    public static final class Sections {
        private final List<Section> sections = new ArrayList<>();

        public Sections add(String title, Row row) {
            if (sections.isEmpty() || !sections.getLast().title().equals(title)) {
                sections.add(new Section(title, new ArrayList<>()));
            }
            sections.getLast().rows().add(row);
            return this;
        }

        public List<Section> build() {
            return sections;
        }
    }

    /** Shortens {@code text} to {@code max} characters with an ellipsis (Meta refuses longer titles). */
    public static String fit(String text, int max) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() <= max
                ? stripped
                : stripped.substring(0, max - 1).strip() + "…";
    }

    private OutboundCommands.Draft draft() {
        String id = UUID.nameUUIDFromBytes((cause + "#" + sequence++).getBytes(StandardCharsets.UTF_8))
                .toString();
        var draft = OutboundCommands.to(to)
                .commandId(id)
                .correlationId(correlationId)
                .createdAt(now);
        if (fallback != null) {
            draft.fallbackTemplate(fallback);
        }
        return draft;
    }
}
