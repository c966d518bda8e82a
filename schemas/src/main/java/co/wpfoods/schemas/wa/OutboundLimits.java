package co.wpfoods.schemas.wa;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Meta's documented limits for send bodies (WhatsApp Cloud API reference §5, cheat sheet §5.11) and the check that an
 * {@link OutboundCommand} respects them. {@link OutboundCommands} calls {@link #validate(OutboundCommand)} before it
 * returns a command; messaging-service calls it again for commands built by hand.
 *
 * <p>Lengths count UTF-16 chars, as Meta's limits are documented in characters and Meta's servers are JavaScript/Java
 * based; an emoji outside the BMP counts as two, which errs on the safe side.
 */
public final class OutboundLimits {

    private OutboundLimits() {}

    public static final int TEXT_BODY = 4096;
    public static final int CAPTION = 1024;
    public static final int MAX_BUTTONS = 3;
    public static final int BUTTON_ID = 256;
    public static final int BUTTON_TITLE = 20;
    public static final int INTERACTIVE_BODY = 1024;
    /** Meta's current list page says 4096; older pages 1024. We keep 1024 to be safe (reference §5.4). */
    public static final int LIST_BODY = 1024;

    public static final int HEADER_TEXT = 60;
    public static final int FOOTER_TEXT = 60;
    public static final int LIST_BUTTON_LABEL = 20;
    public static final int MAX_SECTIONS = 10;
    public static final int MAX_ROWS = 10;
    public static final int SECTION_TITLE = 24;
    public static final int ROW_ID = 200;
    public static final int ROW_TITLE = 24;
    public static final int ROW_DESCRIPTION = 72;
    public static final int CTA_DISPLAY_TEXT = 20;
    public static final int LOCATION_REQUEST_BODY = 1024;
    public static final int BIZ_OPAQUE_CALLBACK_DATA = 512;
    /** Not a Meta limit: a sane bound for our own idempotency and correlation keys. */
    public static final int OUR_ID = 200;
    /** Template body parameters: the hydrated body is at most 1024 chars (132005), so one parameter cannot exceed it. */
    public static final int TEMPLATE_TEXT_PARAMETER = 1024;
    /** Header text of a template is at most 60 chars, so its parameter cannot exceed it. */
    public static final int TEMPLATE_HEADER_TEXT_PARAMETER = 60;
    /** Quick-reply payloads are echoed back in webhooks; we bound them like reply button ids. */
    public static final int TEMPLATE_PAYLOAD = 256;
    /** A template may have at most 10 buttons (3 quick replies in the common layout); index is 0-based. */
    public static final int MAX_TEMPLATE_BUTTON_INDEX = 9;

    private static final Pattern WA_ID = Pattern.compile("[0-9]{6,20}");
    private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9_]{1,512}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Za-z]{2,4})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /**
     * Throws {@link IllegalArgumentException} naming the first field that breaks one of Meta's limits (or our shape
     * rules: exactly the content field that matches {@code kind} is set).
     */
    public static void validate(OutboundCommand command) {
        require(command != null, "command is required");
        nonBlank("commandId", command.getCommandId(), OUR_ID);
        nonBlank("correlationId", command.getCorrelationId(), OUR_ID);
        require(command.getCreatedAt() != null, "createdAt is required");
        recipient(command.getTo());
        require(command.getKind() != null && command.getKind() != OutboundKind.UNKNOWN, "kind is required");
        optional("bizOpaqueCallbackData", command.getBizOpaqueCallbackData(), BIZ_OPAQUE_CALLBACK_DATA);
        if (command.getReplyToMessageId() != null) {
            require(
                    command.getKind() != OutboundKind.REACTION && command.getKind() != OutboundKind.MARK_READ,
                    "replyToMessageId (context) is not allowed with " + command.getKind());
            nonBlank("replyToMessageId", command.getReplyToMessageId(), 1024);
        }
        onlyContentFor(command);
        switch (command.getKind()) {
            case TEXT -> text(command.getText());
            case BUTTONS -> buttons(command.getInteractive());
            case LIST -> list(command.getInteractive());
            case CTA_URL -> ctaUrl(command.getInteractive());
            case LOCATION -> location(command.getLocation());
            case LOCATION_REQUEST -> locationRequest(command.getInteractive());
            case MEDIA -> media(command.getMedia());
            case REACTION -> reaction(command.getReaction());
            case TEMPLATE -> template("template", command.getTemplate());
            case MARK_READ ->
                nonBlank("markRead.messageId", command.getMarkRead().getMessageId(), 1024);
            case UNKNOWN -> throw new IllegalArgumentException("kind UNKNOWN cannot be sent");
        }
        if (command.getFallbackTemplate() != null) {
            require(
                    command.getKind() != OutboundKind.TEMPLATE && command.getKind() != OutboundKind.MARK_READ,
                    "fallbackTemplate makes no sense for " + command.getKind()
                            + " (it is allowed outside the 24-hour window anyway)");
            template("fallbackTemplate", command.getFallbackTemplate());
        }
    }

    /** Validates a template on its own (e.g. a fallback template built before the command). */
    public static void validate(TemplateMessage template) {
        template("template", template);
    }

    private static void recipient(WaUser to) {
        require(to != null, "to (recipient) is required");
        boolean hasWaId = to.getWaId() != null && !to.getWaId().isEmpty();
        boolean hasUserId = to.getUserId() != null && !to.getUserId().isBlank();
        require(hasWaId || hasUserId, "to needs a waId or a userId");
        if (hasWaId) {
            require(
                    WA_ID.matcher(to.getWaId()).matches(),
                    "to.waId must be 6 to 20 digits without '+', got '" + to.getWaId() + "'");
        } else {
            nonBlank("to.userId", to.getUserId(), 256);
        }
    }

    private static void onlyContentFor(OutboundCommand c) {
        OutboundKind kind = c.getKind();
        boolean interactive = kind == OutboundKind.BUTTONS
                || kind == OutboundKind.LIST
                || kind == OutboundKind.CTA_URL
                || kind == OutboundKind.LOCATION_REQUEST;
        present("text", c.getText() != null, kind == OutboundKind.TEXT, kind);
        present("interactive", c.getInteractive() != null, interactive, kind);
        present("location", c.getLocation() != null, kind == OutboundKind.LOCATION, kind);
        present("media", c.getMedia() != null, kind == OutboundKind.MEDIA, kind);
        present("reaction", c.getReaction() != null, kind == OutboundKind.REACTION, kind);
        present("template", c.getTemplate() != null, kind == OutboundKind.TEMPLATE, kind);
        present("markRead", c.getMarkRead() != null, kind == OutboundKind.MARK_READ, kind);
    }

    private static void present(String field, boolean isSet, boolean expected, OutboundKind kind) {
        if (expected) {
            require(isSet, field + " is required for kind " + kind);
        } else {
            require(!isSet, field + " must not be set for kind " + kind);
        }
    }

    private static void text(OutboundText text) {
        nonBlank("text.body", text.getBody(), TEXT_BODY);
    }

    private static void buttons(OutboundInteractive i) {
        interactiveHeader(i.getHeader(), true, true);
        nonBlank("interactive.body", i.getBody(), INTERACTIVE_BODY);
        optional("interactive.footer", i.getFooter(), FOOTER_TEXT);
        List<ReplyButton> buttons = i.getButtons();
        require(!buttons.isEmpty(), "reply buttons need at least 1 button");
        require(
                buttons.size() <= MAX_BUTTONS,
                "reply buttons allow at most " + MAX_BUTTONS + " buttons, got " + buttons.size());
        Set<String> ids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (int n = 0; n < buttons.size(); n++) {
            ReplyButton b = buttons.get(n);
            nonBlank("buttons[" + n + "].id", b.getId(), BUTTON_ID);
            nonBlank("buttons[" + n + "].title", b.getTitle(), BUTTON_TITLE);
            require(ids.add(b.getId()), "buttons[" + n + "].id '" + b.getId() + "' is not unique");
            require(titles.add(b.getTitle()), "buttons[" + n + "].title '" + b.getTitle() + "' is not unique");
        }
        noListOrCta(i, "reply buttons");
    }

    private static void list(OutboundInteractive i) {
        if (i.getHeader() != null) {
            require(i.getHeader().getType() == HeaderType.TEXT, "list header must be of type TEXT");
            interactiveHeader(i.getHeader(), false, false);
        }
        nonBlank("interactive.body", i.getBody(), LIST_BODY);
        optional("interactive.footer", i.getFooter(), FOOTER_TEXT);
        nonBlank("interactive.listButton", i.getListButton(), LIST_BUTTON_LABEL);
        List<ListSection> sections = i.getSections();
        require(!sections.isEmpty(), "list needs at least 1 section");
        require(
                sections.size() <= MAX_SECTIONS,
                "list allows at most " + MAX_SECTIONS + " sections, got " + sections.size());
        int rows = 0;
        Set<String> ids = new HashSet<>();
        for (int s = 0; s < sections.size(); s++) {
            ListSection section = sections.get(s);
            nonBlank("sections[" + s + "].title", section.getTitle(), SECTION_TITLE);
            require(!section.getRows().isEmpty(), "sections[" + s + "] needs at least 1 row");
            for (int r = 0; r < section.getRows().size(); r++) {
                ListRow row = section.getRows().get(r);
                String where = "sections[" + s + "].rows[" + r + "]";
                nonBlank(where + ".id", row.getId(), ROW_ID);
                nonBlank(where + ".title", row.getTitle(), ROW_TITLE);
                optional(where + ".description", row.getDescription(), ROW_DESCRIPTION);
                require(ids.add(row.getId()), where + ".id '" + row.getId() + "' is not unique");
                rows++;
            }
        }
        require(rows <= MAX_ROWS, "list allows at most " + MAX_ROWS + " rows over all sections, got " + rows);
        require(i.getButtons().isEmpty(), "list must not have reply buttons");
        require(i.getCtaDisplayText() == null && i.getCtaUrl() == null, "list must not have a CTA URL");
    }

    private static void ctaUrl(OutboundInteractive i) {
        interactiveHeader(i.getHeader(), true, false);
        nonBlank("interactive.body", i.getBody(), INTERACTIVE_BODY);
        optional("interactive.footer", i.getFooter(), FOOTER_TEXT);
        nonBlank("interactive.ctaDisplayText", i.getCtaDisplayText(), CTA_DISPLAY_TEXT);
        url("interactive.ctaUrl", i.getCtaUrl());
        require(i.getButtons().isEmpty(), "CTA URL must not have reply buttons");
        require(i.getSections().isEmpty() && i.getListButton() == null, "CTA URL must not have list sections");
    }

    private static void locationRequest(OutboundInteractive i) {
        require(i.getHeader() == null, "location request has no header");
        require(i.getFooter() == null, "location request has no footer");
        nonBlank("interactive.body", i.getBody(), LOCATION_REQUEST_BODY);
        require(i.getButtons().isEmpty(), "location request must not have reply buttons");
        noListOrCta(i, "location request");
    }

    private static void noListOrCta(OutboundInteractive i, String what) {
        require(i.getSections().isEmpty() && i.getListButton() == null, what + " must not have list sections");
        require(i.getCtaDisplayText() == null && i.getCtaUrl() == null, what + " must not have a CTA URL");
    }

    private static void interactiveHeader(InteractiveHeader header, boolean mediaAllowed, boolean mediaIdAllowed) {
        if (header == null) {
            return;
        }
        if (header.getType() == HeaderType.TEXT) {
            nonBlank("interactive.header.text", header.getText(), HEADER_TEXT);
            require(
                    header.getMediaId() == null && header.getLink() == null,
                    "a TEXT header must not have a media id or link");
            return;
        }
        require(mediaAllowed, "header type " + header.getType() + " is not allowed here");
        require(header.getText() == null, "a media header must not have text");
        if (mediaIdAllowed) {
            exactlyOneOf("interactive.header", header.getMediaId(), header.getLink());
        } else {
            require(header.getMediaId() == null, "this header takes media by link only");
            url("interactive.header.link", header.getLink());
        }
        if (header.getLink() != null) {
            url("interactive.header.link", header.getLink());
        }
    }

    private static void location(OutboundLocation l) {
        require(
                Double.isFinite(l.getLatitude()) && l.getLatitude() >= -90 && l.getLatitude() <= 90,
                "location.latitude must be within -90..90, got " + l.getLatitude());
        require(
                Double.isFinite(l.getLongitude()) && l.getLongitude() >= -180 && l.getLongitude() <= 180,
                "location.longitude must be within -180..180, got " + l.getLongitude());
        optional("location.name", l.getName(), 1024);
        optional("location.address", l.getAddress(), 1024);
    }

    private static void media(OutboundMedia m) {
        require(m.getMediaType() != null, "media.mediaType is required");
        exactlyOneOf("media", m.getMediaId(), m.getLink());
        if (m.getLink() != null) {
            url("media.link", m.getLink());
        }
        if (m.getMediaId() != null) {
            nonBlank("media.mediaId", m.getMediaId(), 256);
        }
        boolean captioned = m.getMediaType() == MediaType.IMAGE
                || m.getMediaType() == MediaType.VIDEO
                || m.getMediaType() == MediaType.DOCUMENT;
        if (m.getCaption() != null) {
            require(captioned, "media.caption is not allowed for " + m.getMediaType());
            optional("media.caption", m.getCaption(), CAPTION);
        }
        if (m.getFilename() != null) {
            require(m.getMediaType() == MediaType.DOCUMENT, "media.filename is only for DOCUMENT");
            nonBlank("media.filename", m.getFilename(), 240);
        }
    }

    private static void reaction(OutboundReaction r) {
        nonBlank("reaction.messageId", r.getMessageId(), 1024);
        require(r.getEmoji() != null, "reaction.emoji is required (empty removes our reaction)");
        require(
                r.getEmoji().codePointCount(0, r.getEmoji().length()) <= 10,
                "reaction.emoji must be one emoji, got '" + r.getEmoji() + "'");
    }

    private static void template(String where, TemplateMessage t) {
        require(t != null, where + " is required");
        require(
                t.getName() != null && TEMPLATE_NAME.matcher(t.getName()).matches(),
                where + ".name must be 1 to 512 of [a-z0-9_], got '" + t.getName() + "'");
        require(
                t.getLanguageCode() != null
                        && LANGUAGE.matcher(t.getLanguageCode()).matches(),
                where + ".languageCode must look like 'es' or 'es_MX', got '" + t.getLanguageCode() + "'");
        boolean header = false;
        boolean body = false;
        Set<String> buttonIndexes = new HashSet<>();
        for (int n = 0; n < t.getComponents().size(); n++) {
            TemplateComponent c = t.getComponents().get(n);
            String at = where + ".components[" + n + "]";
            require(c.getType() != null, at + ".type is required");
            switch (c.getType()) {
                case HEADER -> {
                    require(!header, at + ": only one HEADER component is allowed");
                    header = true;
                    require(c.getParameters().size() <= 1, at + ": a HEADER takes at most 1 parameter");
                    require(c.getSubType() == null && c.getIndex() == null, at + ": subType/index are for buttons");
                }
                case BODY -> {
                    require(!body, at + ": only one BODY component is allowed");
                    body = true;
                    require(c.getSubType() == null && c.getIndex() == null, at + ": subType/index are for buttons");
                }
                case BUTTON -> {
                    require(
                            "quick_reply".equals(c.getSubType()) || "url".equals(c.getSubType()),
                            at + ".subType must be quick_reply or url, got '" + c.getSubType() + "'");
                    require(
                            c.getIndex() != null && c.getIndex() >= 0 && c.getIndex() <= MAX_TEMPLATE_BUTTON_INDEX,
                            at + ".index must be 0.." + MAX_TEMPLATE_BUTTON_INDEX + ", got " + c.getIndex());
                    require(
                            buttonIndexes.add(String.valueOf(c.getIndex())),
                            at + ".index " + c.getIndex() + " is used twice");
                    require(c.getParameters().size() == 1, at + ": a BUTTON takes exactly 1 parameter");
                }
            }
            boolean named = false;
            boolean positional = false;
            for (int p = 0; p < c.getParameters().size(); p++) {
                TemplateParameter parameter = c.getParameters().get(p);
                parameter(at + ".parameters[" + p + "]", c, parameter);
                if (parameter.getParameterName() != null) {
                    named = true;
                } else {
                    positional = true;
                }
            }
            require(!(named && positional), at + ": parameters must be all named or all positional");
        }
    }

    private static void parameter(String at, TemplateComponent c, TemplateParameter p) {
        require(p.getType() != null, at + ".type is required");
        if (p.getParameterName() != null) {
            require(
                    p.getParameterName().matches("[a-z0-9_]{1,64}"),
                    at + ".parameterName must be [a-z0-9_]{1,64}, got '" + p.getParameterName() + "'");
        }
        if (c.getType() == TemplateComponentType.BUTTON) {
            TemplateParameterType expected =
                    "quick_reply".equals(c.getSubType()) ? TemplateParameterType.PAYLOAD : TemplateParameterType.TEXT;
            require(
                    p.getType() == expected,
                    at + ": a " + c.getSubType() + " button takes a " + expected + " parameter");
        } else {
            require(p.getType() != TemplateParameterType.PAYLOAD, at + ": PAYLOAD is only for quick_reply buttons");
        }
        boolean media = p.getType() == TemplateParameterType.IMAGE
                || p.getType() == TemplateParameterType.VIDEO
                || p.getType() == TemplateParameterType.DOCUMENT;
        if (media) {
            require(c.getType() == TemplateComponentType.HEADER, at + ": media parameters belong in the HEADER");
            exactlyOneOf(at, p.getMediaId(), p.getLink());
            if (p.getLink() != null) {
                url(at + ".link", p.getLink());
            }
            require(p.getText() == null, at + ": a media parameter has no text");
            return;
        }
        require(p.getMediaId() == null && p.getLink() == null, at + ": only media parameters take a media id or link");
        int max = switch (p.getType()) {
            case PAYLOAD -> TEMPLATE_PAYLOAD;
            case TEXT ->
                c.getType() == TemplateComponentType.HEADER ? TEMPLATE_HEADER_TEXT_PARAMETER : TEMPLATE_TEXT_PARAMETER;
            default -> TEMPLATE_TEXT_PARAMETER;
        };
        nonBlank(at + ".text", p.getText(), max);
        if (p.getType() == TemplateParameterType.CURRENCY) {
            require(
                    p.getCurrencyCode() != null
                            && CURRENCY.matcher(p.getCurrencyCode()).matches(),
                    at + ".currencyCode must be an ISO 4217 code like COP, got '" + p.getCurrencyCode() + "'");
            require(p.getAmount1000() != null, at + ".amount1000 is required for CURRENCY");
        } else {
            require(
                    p.getCurrencyCode() == null && p.getAmount1000() == null,
                    at + ": currencyCode/amount1000 are only for CURRENCY");
        }
    }

    private static void exactlyOneOf(String where, String mediaId, String link) {
        require(
                (mediaId == null) != (link == null),
                where + " needs exactly one of mediaId or link, got " + (mediaId == null ? "neither" : "both"));
    }

    private static void url(String field, String value) {
        nonBlank(field, value, 2000);
        require(
                value.startsWith("https://") || value.startsWith("http://"),
                field + " must be an http(s) URL, got '" + value + "'");
        require(value.indexOf(' ') < 0, field + " must not contain spaces");
    }

    private static void nonBlank(String field, String value, int max) {
        require(value != null && !value.isBlank(), field + " is required and must not be blank");
        require(value.length() <= max, field + " is " + value.length() + " chars; Meta allows at most " + max);
    }

    private static void optional(String field, String value, int max) {
        if (value != null) {
            nonBlank(field, value, max);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
