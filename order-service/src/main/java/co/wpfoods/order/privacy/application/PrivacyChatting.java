package co.wpfoods.order.privacy.application;

import co.wpfoods.order.consent.application.Consents;
import co.wpfoods.order.conversation.application.Chat;
import co.wpfoods.order.conversation.application.Conversations;
import co.wpfoods.order.conversation.application.CustomerMessage;
import co.wpfoods.order.conversation.application.Replies;
import co.wpfoods.order.conversation.application.Understanding.Understood;
import co.wpfoods.order.conversation.domain.Input;
import co.wpfoods.order.privacy.domain.DataSummary;
import co.wpfoods.order.privacy.domain.Erasure;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The person's data-protection rights in the customer chat (Ley 1581), read before the ordering conversation:
 * "borrar mis datos" / "delete my data" asks for a confirmation button, then starts the erasure; "mis datos" /
 * "my data" answers what we hold. Anything else is left to the ordering conversation. Runs in the message's inbox
 * transaction; the conversation's state is not changed (a tap on the buttons later still works).
 */
@Service
public class PrivacyChatting {

    static final String KIND = "privacy";
    static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    private static final Pattern ERASE_ES = Pattern.compile(
            "\\b(borr\\w*|elimin\\w*|suprim\\w*|quit\\w*)\\s+(todos\\s+|toda\\s+)?(mis|mi)\\s+(datos|informaci[oó]n)\\b"
                    + "|\\bolv[ií]d(ame|ate de m[ií])\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ERASE_EN = Pattern.compile(
            "\\b(delete|erase|remove|wipe)\\s+(all\\s+)?(of\\s+)?my\\s+(data|information|info|details)\\b|\\bforget\\s+me\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern KNOW_ES = Pattern.compile(
            "^\\W*((ver|consultar|conocer)\\s+)?mis\\s+datos\\W*$|\\bqu[eé]\\s+datos\\s+(tienen|guardan)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern KNOW_EN = Pattern.compile(
            "^\\W*((show|see)\\s+)?my\\s+data\\W*$|\\bwhat\\s+(data|information)\\s+do\\s+you\\s+(have|hold|keep)\\b",
            Pattern.CASE_INSENSITIVE);

    private final Conversations conversations;
    private final Chat chat;
    private final MessageSource messages;
    private final RequestingErasure requesting;
    private final CustomerRecords records;
    private final Consents consents;
    private final Clock clock;

    public PrivacyChatting(
            Conversations conversations,
            Chat chat,
            MessageSource messages,
            RequestingErasure requesting,
            CustomerRecords records,
            Consents consents,
            Clock clock) {
        this.conversations = conversations;
        this.chat = chat;
        this.messages = messages;
        this.requesting = requesting;
        this.records = records;
        this.consents = consents;
        this.clock = clock;
    }

    /** Handles the message when it is about the person's data rights; false leaves it to the ordering conversation. */
    public boolean handle(CustomerMessage message, Optional<Understood> understood) {
        if (message.rateLimited()) {
            return false;
        }
        Optional<String> known = conversations.language(message.key());
        switch (message.input()) {
            case Input.Tap tap
            when KIND.equals(tap.kind()) -> {
                answerTap(message, known.orElse("es"), tap);
                return true;
            }
            case Input.Text text -> {
                String body = text.body() == null ? "" : text.body();
                if (ERASE_ES.matcher(body).find() || ERASE_EN.matcher(body).find() || asksErasure(understood)) {
                    String language = known.orElse(ERASE_EN.matcher(body).find() ? "en" : "es");
                    askErasure(replies(message, language), language);
                    return true;
                }
                if (KNOW_ES.matcher(body).find() || KNOW_EN.matcher(body).find()) {
                    String language = known.orElse(KNOW_EN.matcher(body).find() ? "en" : "es");
                    summary(message, replies(message, language));
                    return true;
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    private static boolean asksErasure(Optional<Understood> understood) {
        return understood.map(u -> "delete_data".equals(u.intent())).orElse(false);
    }

    /** The buttons carry the language (a person who never chatted before has no conversation to keep it in). */
    private void askErasure(Replies say, String language) {
        say.buttons(
                say.t("privacy.erase.ask"),
                List.of(
                        new Replies.Button("privacy:erase:yes:" + language, say.t("privacy.erase.yes")),
                        new Replies.Button("privacy:erase:no:" + language, say.t("privacy.erase.no"))));
    }

    private void answerTap(CustomerMessage message, String known, Input.Tap tap) {
        String language = "en".equals(tap.part(3)) || "es".equals(tap.part(3)) ? tap.part(3) : known;
        var say = replies(message, language);
        if (!"erase".equals(tap.part(1))) {
            say.text(say.t("privacy.unknown"));
            return;
        }
        if (!"yes".equals(tap.part(2))) {
            say.text(say.t("privacy.erase.kept"));
            return;
        }
        switch (requesting.request(message.key(), Erasure.RequestedBy.CHAT, null, language)) {
            case RequestingErasure.Started started -> say.text(say.t("privacy.erase.started"));
            case RequestingErasure.AlreadyRunning running -> say.text(say.t("privacy.erase.running"));
            case RequestingErasure.OrderInProgress busy ->
                say.text(say.t("privacy.erase.order.active", busy.reference()));
        }
    }

    private void summary(CustomerMessage message, Replies say) {
        var chatState = conversations.customer(message.key());
        var counts = records.counts(message.key());
        var summary = new DataSummary(
                consents.history(message.key()).stream()
                        .map(d -> new DataSummary.ConsentEntry(
                                d.purpose().name(), d.granted(), d.policyVersion(), d.recordedAt()))
                        .toList(),
                chatState.map(c -> c.language).orElse(null),
                chatState.map(c -> c.name).orElse(null),
                chatState.map(c -> c.addressText).orElse(null),
                counts.orders(),
                counts.lastOrderAt(),
                counts.lastOrderReference(),
                counts.openRequests());
        String none = say.t("privacy.summary.none");
        String consent = summary.consents().isEmpty()
                ? say.t("privacy.summary.consent.none")
                : consentHistory(summary.consents(), say);
        String orders = summary.orders() == 0
                ? say.t("privacy.summary.orders.none")
                : say.t(
                        "privacy.summary.orders",
                        summary.orders(),
                        summary.lastOrderReference(),
                        date(summary.lastOrderAt(), say));
        say.text(say.t(
                "privacy.summary",
                message.key(),
                consent,
                summary.name() == null ? none : summary.name(),
                summary.address() == null ? none : summary.address(),
                orders,
                summary.openRequests()));
    }

    /** Every grant and withdrawal from the consent ledger, oldest first, one per line. */
    private static String consentHistory(List<DataSummary.ConsentEntry> entries, Replies say) {
        var lines = new StringBuilder();
        for (var entry : entries) {
            String purpose = say.t("privacy.summary.consent." + entry.purpose());
            String action =
                    say.t(entry.granted() ? "privacy.summary.consent.granted" : "privacy.summary.consent.withdrawn");
            lines.append("\n   – ")
                    .append(
                            "none".equals(entry.policyVersion())
                                    ? say.t(
                                            "privacy.summary.consent.unversioned",
                                            purpose,
                                            action,
                                            date(entry.at(), say))
                                    : say.t(
                                            "privacy.summary.consent",
                                            purpose,
                                            action,
                                            date(entry.at(), say),
                                            entry.policyVersion()));
        }
        return lines.toString();
    }

    private static String date(Instant at, Replies say) {
        if (at == null) {
            return "";
        }
        var locale = Replies.localeOf(say.languageCode());
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale)
                .format(at.atZone(BOGOTA));
    }

    private Replies replies(CustomerMessage message, String language) {
        return new Replies(
                chat,
                messages,
                message.from(),
                language,
                "privacy:" + message.messageId(),
                "privacy:" + message.messageId(),
                clock.instant());
    }
}
