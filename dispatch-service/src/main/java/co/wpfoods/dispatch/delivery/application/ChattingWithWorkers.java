package co.wpfoods.dispatch.delivery.application;

import co.wpfoods.dispatch.delivery.domain.WorkerLanguage;
import co.wpfoods.dispatch.delivery.domain.WorkerProfile;
import co.wpfoods.dispatch.delivery.domain.WorkerPrompt;
import co.wpfoods.dispatch.delivery.domain.WorkerState;
import co.wpfoods.dispatch.matching.domain.GeoPoint;
import co.wpfoods.schemas.wa.InboundMessage;
import co.wpfoods.schemas.wa.InboundMessageType;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rapitendero's chat: taps (buttons, list rows, template quick replies) first; a location message; a 4-digit PIN
 * while one is asked for; any other text through ai-service, and buttons when it cannot tell. The worker's state row
 * is locked for the message, so one worker's messages are handled one at a time.
 */
@Service
public class ChattingWithWorkers {

    private static final Logger log = LoggerFactory.getLogger(ChattingWithWorkers.class);
    private static final Pattern PIN = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)");

    /** A message that only greets: answered with a greeting and the buttons of where the worker stands. */
    static final Pattern GREETING = Pattern.compile(
            "^\\W*(hola+|holi|ola|buenas|buen[oa]s? d[ií]as?|buen d[ií]a|buenas tardes|buenas noches|qu[eé] m[aá]s|"
                    + "quiubo|hi|hello|hey|good (morning|afternoon|evening))[\\s\\p{Punct}¡¿!?👋🙂😊]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final WorkerRoster roster;
    private final OfferBook offerBook;
    private final Availability availability;
    private final AnsweringOffers offers;
    private final Delivering delivering;
    private final ReadingEarnings earnings;
    private final WorkerMessages messages;
    private final IntentReader intents;
    private final GuidingWorkers guiding;

    ChattingWithWorkers(
            WorkerRoster roster,
            OfferBook offerBook,
            Availability availability,
            AnsweringOffers offers,
            Delivering delivering,
            ReadingEarnings earnings,
            WorkerMessages messages,
            IntentReader intents,
            GuidingWorkers guiding) {
        this.roster = roster;
        this.offerBook = offerBook;
        this.guiding = guiding;
        this.availability = availability;
        this.offers = offers;
        this.delivering = delivering;
        this.earnings = earnings;
        this.messages = messages;
        this.intents = intents;
    }

    @Transactional
    public void handle(InboundMessage message) {
        String waId = message.getFrom().getWaId();
        Optional<WorkerProfile> found = waId == null ? Optional.empty() : roster.workerByNumber(waId);
        if (found.isEmpty()) {
            log.warn("message {} from {} who is not a worker; ignored", message.getMessageId(), waId);
            return;
        }
        WorkerProfile worker = found.get();
        if (!worker.active()) {
            guiding.inactive(worker);
            return;
        }
        WorkerState state = roster.lockState(worker.workerId());
        if (!state.confirmed()) {
            unconfirmed(worker, state, message);
            return;
        }
        switch (message.getType()) {
            case LOCATION ->
                availability.located(
                        worker,
                        state,
                        new GeoPoint(
                                message.getLocation().getLatitude(),
                                message.getLocation().getLongitude()));
            case INTERACTIVE, BUTTON ->
                tap(
                        worker,
                        state,
                        message.getReply() == null ? null : message.getReply().getId());
            case TEXT -> text(worker, state, message.getText().getBody());
            default -> messages.help(worker, state.online(), "help.unknown");
        }
    }

    private WorkerProfile speaking(WorkerProfile worker, Locale locale) {
        if (WorkerLanguage.code(worker.locale()).equals(WorkerLanguage.code(locale))) {
            return worker;
        }
        roster.setLanguage(worker.workerId(), locale);
        return worker.withLocale(locale);
    }

    /** Before confirming, the only step forward is Confirmar: every other message is answered with it. */
    private void unconfirmed(WorkerProfile worker, WorkerState state, InboundMessage message) {
        boolean confirms =
                (message.getType() == InboundMessageType.INTERACTIVE || message.getType() == InboundMessageType.BUTTON)
                        && message.getReply() != null
                        && WorkerMessages.CONFIRM.equals(message.getReply().getId());
        if (confirms) {
            availability.confirm(worker, state);
        } else if (message.getType() == InboundMessageType.LOCATION) {
            availability.located(
                    worker,
                    state,
                    new GeoPoint(
                            message.getLocation().getLatitude(),
                            message.getLocation().getLongitude()));
        } else if (message.getType() == InboundMessageType.TEXT) {
            text(worker, state, message.getText().getBody());
        } else {
            guiding.guide(worker, state, null);
        }
    }

    private void tap(WorkerProfile worker, WorkerState state, String id) {
        if (id == null) {
            messages.help(worker, state.online(), "help.unknown");
            return;
        }
        String[] parts = id.split(":");
        switch (parts[0]) {
            case "welcome" -> availability.confirm(worker, state);
            case "worker" -> simple(worker, state, parts[1]);
            case "offer" -> {
                if ("accept".equals(parts[2])) {
                    offers.accept(worker, parts[1]);
                } else {
                    offers.decline(worker, parts[1], "declined");
                }
            }
            case "delivery" -> {
                if ("picked".equals(parts[2])) {
                    delivering.pickUp(worker, parts[1]);
                } else {
                    delivering.askPin(worker, state, parts[1]);
                }
            }
            case "problem" -> delivering.report(worker, parts[1], parts[2]);
            default -> messages.help(worker, state.online(), "help.unknown");
        }
    }

    private void simple(WorkerProfile worker, WorkerState state, String action) {
        switch (action) {
            case "online" -> availability.goOnline(worker, state);
            case "offline" -> availability.goOffline(worker, state, "asked");
            case "earnings" -> earnings.tell(worker);
            case "problem" -> delivering.problemMenu(worker);
            default -> messages.help(worker, state.online(), "help");
        }
    }

    /**
     * The worker's language follows how they write: asked for ("English please", "en español") it is switched and said
     * so, with where they stand; read from their words it is switched quietly and this message is answered in it.
     */
    private void text(WorkerProfile asWas, WorkerState state, String body) {
        Optional<Locale> requested = WorkerLanguage.requested(body);
        if (requested.isPresent()) {
            WorkerProfile worker = speaking(asWas, requested.get());
            messages.say(worker, "worker:" + worker.workerId(), "language.changed");
            guiding.guide(worker, state, null);
            return;
        }
        WorkerProfile worker =
                WorkerLanguage.detected(body).map(l -> speaking(asWas, l)).orElse(asWas);
        if (!state.confirmed()) {
            guiding.guide(worker, state, GREETING.matcher(body).matches() ? "greet" : null);
            return;
        }
        Matcher pin = PIN.matcher(body);
        if (state.awaiting() == WorkerState.Awaiting.PIN && pin.find()) {
            delivering.pin(worker, state, state.awaitingOrder(), pin.group(1));
            return;
        }
        if (GREETING.matcher(body).matches()) {
            guiding.guide(worker, state, "greet");
            return;
        }
        String language = "en".equals(WorkerLanguage.code(worker.locale())) ? "en" : "es-CO";
        Optional<WorkerPrompt> prompt = roster.lastPrompt(worker.workerId());
        Optional<IntentReader.Intent> intent = intents.read(
                body, language, prompt.map(WorkerPrompt::text).orElse(null), "worker:" + worker.workerId());
        if (intent.isEmpty()) {
            messages.help(worker, state.online(), "help.unknown");
            return;
        }
        // a reply that picked a line of our last options ("2", "el segundo") is the tap that line stands for
        Optional<String> picked = intent.get().choice() == null
                ? Optional.empty()
                : prompt.flatMap(p -> p.option(intent.get().choice()));
        if (picked.isPresent()) {
            tap(worker, state, picked.get());
            return;
        }
        switch (intent.get().name()) {
            case "go_online" -> availability.goOnline(worker, state);
            case "go_offline" -> availability.goOffline(worker, state, "asked");
            case "earnings" -> earnings.tell(worker);
            case "offer_accept" ->
                offerBook
                        .pendingOfferOf(worker.workerId())
                        .ifPresentOrElse(
                                offer -> offers.accept(worker, offer.offerId()),
                                () -> messages.say(worker, "worker:" + worker.workerId(), "offer.gone"));
            case "offer_decline" ->
                offerBook
                        .pendingOfferOf(worker.workerId())
                        .ifPresentOrElse(
                                offer -> offers.decline(worker, offer.offerId(), "declined"),
                                () -> messages.say(worker, "worker:" + worker.workerId(), "offer.gone"));
            case "picked_up" -> delivering.pickUp(worker, null);
            case "delivered" -> {
                if (intent.get().pin() != null) {
                    delivering.pin(worker, state, null, intent.get().pin());
                } else {
                    delivering.askPin(worker, state, null);
                }
            }
            case "greet" -> guiding.guide(worker, state, "greet");
            case "help", "thanks" -> messages.help(worker, state.online(), "help");
            default -> messages.help(worker, state.online(), "help.unknown");
        }
    }
}
