package co.wpfoods.schemas.wa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Builds {@link OutboundCommand}s for {@code wa.outbound.v1} and checks Meta's limits ({@link OutboundLimits}) before
 * returning one, so an invalid send fails in the producing service's tests, not at Meta. Every builder throws
 * {@link IllegalArgumentException} with the offending field and the limit.
 *
 * <pre>{@code
 * OutboundCommand confirm = OutboundCommands.to("573001234567")
 *         .correlationId("order:8841")
 *         .fallbackTemplate(OutboundCommands.template("pedido_pendiente", "es").bodyText("8841").build())
 *         .buttons(b -> b.header("Pedido #8841")
 *                 .body("Pizzería Napoli: 2× Margarita L. ¿Confirmas?")
 *                 .button("order:8841:confirm", "Confirmar")
 *                 .button("order:8841:cancel", "Cancelar"));
 * }</pre>
 */
public final class OutboundCommands {

    private OutboundCommands() {}

    /** Starts a command to the WhatsApp user with this {@code wa_id} (digits, no '+'). */
    public static Draft to(String waId) {
        return new Draft(WaUser.newBuilder().setWaId(waId).build());
    }

    /** Starts a command to a user known by wa_id and/or business-scoped user id. */
    public static Draft to(WaUser user) {
        Objects.requireNonNull(user, "user");
        return new Draft(WaUser.newBuilder(user).build());
    }

    /** Starts a template (to send, or to fall back to outside the 24-hour window). */
    public static TemplateBuilder template(String name, String languageCode) {
        return new TemplateBuilder(name, languageCode);
    }

    /** Validates a command built some other way; see {@link OutboundLimits#validate(OutboundCommand)}. */
    public static OutboundCommand validated(OutboundCommand command) {
        OutboundLimits.validate(command);
        return command;
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required and must not be blank");
        }
    }

    /** Envelope fields common to every kind; finish with one of the content methods. */
    public static final class Draft {
        private final WaUser to;
        private String commandId = UUID.randomUUID().toString();
        private String correlationId;
        private Instant createdAt = Instant.now();
        private String replyTo;
        private String callbackData;
        private TemplateMessage fallback;

        private Draft(WaUser to) {
            this.to = to;
        }

        /** Idempotency key (default: a random UUID). Derive it from the cause when a retry could rebuild it. */
        public Draft commandId(String value) {
            this.commandId = value;
            return this;
        }

        /** The order or conversation this message belongs to (required). */
        public Draft correlationId(String value) {
            this.correlationId = value;
            return this;
        }

        public Draft createdAt(Instant value) {
            this.createdAt = value;
            return this;
        }

        /** Quote this inbound message ({@code context.message_id}). */
        public Draft replyTo(String wamid) {
            this.replyTo = wamid;
            return this;
        }

        /**
         * {@code biz_opaque_callback_data} (≤ 512). Leave unset: messaging-service then sends the command id, which
         * lets it match status webhooks to the command even if it crashed before recording Meta's answer.
         */
        public Draft callbackData(String value) {
            this.callbackData = value;
            return this;
        }

        /** Template to send instead when the user's 24-hour window is closed. */
        public Draft fallbackTemplate(TemplateMessage template) {
            this.fallback = template;
            return this;
        }

        public OutboundCommand text(String body) {
            return text(body, false);
        }

        public OutboundCommand text(String body, boolean previewUrl) {
            return build(
                    OutboundKind.TEXT,
                    b -> b.setText(OutboundText.newBuilder()
                            .setBody(body)
                            .setPreviewUrl(previewUrl)
                            .build()));
        }

        public OutboundCommand buttons(Consumer<InteractiveBuilder> spec) {
            return interactive(OutboundKind.BUTTONS, spec);
        }

        public OutboundCommand list(Consumer<InteractiveBuilder> spec) {
            return interactive(OutboundKind.LIST, spec);
        }

        public OutboundCommand ctaUrl(Consumer<InteractiveBuilder> spec) {
            return interactive(OutboundKind.CTA_URL, spec);
        }

        public OutboundCommand locationRequest(String body) {
            return interactive(OutboundKind.LOCATION_REQUEST, i -> i.body(body));
        }

        public OutboundCommand location(double latitude, double longitude, String name, String address) {
            return build(
                    OutboundKind.LOCATION,
                    b -> b.setLocation(OutboundLocation.newBuilder()
                            .setLatitude(latitude)
                            .setLongitude(longitude)
                            .setName(name)
                            .setAddress(address)
                            .build()));
        }

        /** Image by uploaded media id. */
        public OutboundCommand imageById(String mediaId, String caption) {
            return media(MediaType.IMAGE, mediaId, null, caption, null);
        }

        /** Image by public HTTPS link. */
        public OutboundCommand imageByLink(String link, String caption) {
            return media(MediaType.IMAGE, null, link, caption, null);
        }

        public OutboundCommand documentById(String mediaId, String filename, String caption) {
            return media(MediaType.DOCUMENT, mediaId, null, caption, filename);
        }

        public OutboundCommand documentByLink(String link, String filename, String caption) {
            return media(MediaType.DOCUMENT, null, link, caption, filename);
        }

        /** Any media type; exactly one of {@code mediaId} and {@code link}. */
        public OutboundCommand media(MediaType type, String mediaId, String link, String caption, String filename) {
            return build(
                    OutboundKind.MEDIA,
                    b -> b.setMedia(OutboundMedia.newBuilder()
                            .setMediaType(type)
                            .setMediaId(mediaId)
                            .setLink(link)
                            .setCaption(caption)
                            .setFilename(filename)
                            .build()));
        }

        /** React to a message; an empty emoji removes our reaction. */
        public OutboundCommand reaction(String wamid, String emoji) {
            return build(
                    OutboundKind.REACTION,
                    b -> b.setReaction(OutboundReaction.newBuilder()
                            .setMessageId(wamid)
                            .setEmoji(emoji)
                            .build()));
        }

        public OutboundCommand template(TemplateMessage template) {
            return build(OutboundKind.TEMPLATE, b -> b.setTemplate(template));
        }

        /** Mark an inbound message read, optionally showing the typing indicator (only if we will reply). */
        public OutboundCommand markRead(String wamid, boolean typingIndicator) {
            return build(
                    OutboundKind.MARK_READ,
                    b -> b.setMarkRead(MarkRead.newBuilder()
                            .setMessageId(wamid)
                            .setTypingIndicator(typingIndicator)
                            .build()));
        }

        private OutboundCommand interactive(OutboundKind kind, Consumer<InteractiveBuilder> spec) {
            return build(kind, b -> {
                InteractiveBuilder builder = new InteractiveBuilder();
                spec.accept(builder);
                b.setInteractive(builder.build());
            });
        }

        private OutboundCommand build(OutboundKind kind, Consumer<OutboundCommand.Builder> content) {
            requireText("commandId", commandId);
            requireText("correlationId", correlationId);
            if (createdAt == null) {
                throw new IllegalArgumentException("createdAt is required");
            }
            OutboundCommand.Builder builder;
            try {
                builder = OutboundCommand.newBuilder()
                        .setCommandId(commandId)
                        .setKind(kind)
                        .setTo(to)
                        .setCorrelationId(correlationId)
                        .setCreatedAt(createdAt)
                        .setReplyToMessageId(replyTo)
                        .setBizOpaqueCallbackData(callbackData)
                        .setFallbackTemplate(fallback);
                content.accept(builder);
                return OutboundCommands.validated(builder.build());
            } catch (org.apache.avro.AvroRuntimeException | NullPointerException e) {
                // Avro refuses a null in a required field before our checks can name it
                throw new IllegalArgumentException(
                        "Missing required field for " + kind + " command: " + e.getMessage(), e);
            }
        }
    }

    /** Header, body, footer and the parts of reply buttons, lists and CTA URL messages. */
    public static final class InteractiveBuilder {
        private final OutboundInteractive.Builder b = OutboundInteractive.newBuilder();
        private final List<ReplyButton> buttons = new ArrayList<>();
        private final List<ListSection> sections = new ArrayList<>();

        private InteractiveBuilder() {}

        /** A text header (≤ 60). */
        public InteractiveBuilder header(String text) {
            b.setHeader(InteractiveHeader.newBuilder()
                    .setType(HeaderType.TEXT)
                    .setText(text)
                    .build());
            return this;
        }

        /** A media header: exactly one of {@code mediaId} and {@code link} (CTA URL takes links only). */
        public InteractiveBuilder mediaHeader(HeaderType type, String mediaId, String link) {
            b.setHeader(InteractiveHeader.newBuilder()
                    .setType(type)
                    .setMediaId(mediaId)
                    .setLink(link)
                    .build());
            return this;
        }

        public InteractiveBuilder body(String text) {
            b.setBody(text);
            return this;
        }

        public InteractiveBuilder footer(String text) {
            b.setFooter(text);
            return this;
        }

        /** A reply button (≤ 3; id ≤ 256, title ≤ 20, both unique). */
        public InteractiveBuilder button(String id, String title) {
            buttons.add(ReplyButton.newBuilder().setId(id).setTitle(title).build());
            return this;
        }

        /** The label of the button that opens a list (≤ 20). */
        public InteractiveBuilder listButton(String label) {
            b.setListButton(label);
            return this;
        }

        /** A list section; add rows with {@link SectionBuilder#row}. */
        public InteractiveBuilder section(String title, Consumer<SectionBuilder> rows) {
            SectionBuilder section = new SectionBuilder();
            rows.accept(section);
            sections.add(ListSection.newBuilder()
                    .setTitle(title)
                    .setRows(section.rows)
                    .build());
            return this;
        }

        /** The CTA URL button (display text ≤ 20). */
        public InteractiveBuilder cta(String displayText, String url) {
            b.setCtaDisplayText(displayText).setCtaUrl(url);
            return this;
        }

        private OutboundInteractive build() {
            return b.setButtons(buttons).setSections(sections).build();
        }
    }

    public static final class SectionBuilder {
        private final List<ListRow> rows = new ArrayList<>();

        private SectionBuilder() {}

        /** A row (id ≤ 200 and unique, title ≤ 24, description ≤ 72 or null). */
        public SectionBuilder row(String id, String title, String description) {
            rows.add(ListRow.newBuilder()
                    .setId(id)
                    .setTitle(title)
                    .setDescription(description)
                    .build());
            return this;
        }
    }

    /** Builds a {@link TemplateMessage}: name and language of an approved template, then its parameters in order. */
    public static final class TemplateBuilder {
        private final String name;
        private final String language;
        private TemplateComponent header;
        private final List<TemplateParameter> body = new ArrayList<>();
        private final List<TemplateComponent> buttons = new ArrayList<>();

        private TemplateBuilder(String name, String language) {
            this.name = name;
            this.language = language;
        }

        public TemplateBuilder headerText(String text) {
            header = component(TemplateComponentType.HEADER, List.of(param(TemplateParameterType.TEXT, text)));
            return this;
        }

        /** Header image/video/document: exactly one of {@code mediaId} and {@code link}. */
        public TemplateBuilder headerMedia(TemplateParameterType type, String mediaId, String link) {
            header = component(
                    TemplateComponentType.HEADER,
                    List.of(TemplateParameter.newBuilder()
                            .setType(type)
                            .setMediaId(mediaId)
                            .setLink(link)
                            .build()));
            return this;
        }

        /** Positional body parameters ({{1}}, {{2}}…), in order. */
        public TemplateBuilder bodyText(String... values) {
            for (String value : values) {
                body.add(param(TemplateParameterType.TEXT, value));
            }
            return this;
        }

        /** A named body parameter (templates created with parameter_format NAMED). */
        public TemplateBuilder bodyNamed(String parameterName, String value) {
            body.add(TemplateParameter.newBuilder()
                    .setType(TemplateParameterType.TEXT)
                    .setParameterName(parameterName)
                    .setText(value)
                    .build());
            return this;
        }

        /** A currency body parameter; {@code amountCop} in whole pesos. */
        public TemplateBuilder bodyCurrency(String fallback, String currencyCode, long amount1000) {
            body.add(TemplateParameter.newBuilder()
                    .setType(TemplateParameterType.CURRENCY)
                    .setText(fallback)
                    .setCurrencyCode(currencyCode)
                    .setAmount1000(amount1000)
                    .build());
            return this;
        }

        public TemplateBuilder bodyDateTime(String fallback) {
            body.add(param(TemplateParameterType.DATE_TIME, fallback));
            return this;
        }

        /** A quick-reply button's payload, echoed back when the user taps it. */
        public TemplateBuilder quickReply(int index, String payload) {
            buttons.add(button("quick_reply", index, param(TemplateParameterType.PAYLOAD, payload)));
            return this;
        }

        /** The dynamic suffix of a URL button. */
        public TemplateBuilder urlButton(int index, String suffix) {
            buttons.add(button("url", index, param(TemplateParameterType.TEXT, suffix)));
            return this;
        }

        public TemplateMessage build() {
            List<TemplateComponent> components = new ArrayList<>();
            if (header != null) {
                components.add(header);
            }
            if (!body.isEmpty()) {
                components.add(component(TemplateComponentType.BODY, body));
            }
            components.addAll(buttons);
            TemplateMessage template;
            try {
                template = TemplateMessage.newBuilder()
                        .setName(name)
                        .setLanguageCode(language)
                        .setComponents(components)
                        .build();
            } catch (org.apache.avro.AvroRuntimeException | NullPointerException e) {
                throw new IllegalArgumentException("Missing required template field: " + e.getMessage(), e);
            }
            OutboundLimits.validate(template);
            return template;
        }

        private static TemplateParameter param(TemplateParameterType type, String text) {
            return TemplateParameter.newBuilder().setType(type).setText(text).build();
        }

        private static TemplateComponent component(TemplateComponentType type, List<TemplateParameter> parameters) {
            return TemplateComponent.newBuilder()
                    .setType(type)
                    .setParameters(new ArrayList<>(parameters))
                    .build();
        }

        private static TemplateComponent button(String subType, int index, TemplateParameter parameter) {
            return TemplateComponent.newBuilder()
                    .setType(TemplateComponentType.BUTTON)
                    .setSubType(subType)
                    .setIndex(index)
                    .setParameters(new ArrayList<>(List.of(parameter)))
                    .build();
        }
    }
}
