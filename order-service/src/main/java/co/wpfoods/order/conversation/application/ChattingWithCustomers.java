package co.wpfoods.order.conversation.application;

import co.wpfoods.order.catalog.application.Restaurants;
import co.wpfoods.order.catalog.domain.GeoDistance;
import co.wpfoods.order.catalog.domain.GeoLocation;
import co.wpfoods.order.catalog.domain.Menu;
import co.wpfoods.order.catalog.domain.MenuItem;
import co.wpfoods.order.catalog.domain.ModifierGroup;
import co.wpfoods.order.catalog.domain.Restaurant;
import co.wpfoods.order.catalog.domain.RestaurantId;
import co.wpfoods.order.catalog.domain.StoreSettings;
import co.wpfoods.order.consent.application.Consents;
import co.wpfoods.order.conversation.application.Replies.Button;
import co.wpfoods.order.conversation.application.Replies.Row;
import co.wpfoods.order.conversation.application.Understanding.Understood;
import co.wpfoods.order.conversation.domain.BogotaGrid;
import co.wpfoods.order.conversation.domain.CartLine;
import co.wpfoods.order.conversation.domain.CustomerChat;
import co.wpfoods.order.conversation.domain.Input;
import co.wpfoods.order.conversation.domain.SavedAddress;
import co.wpfoods.order.conversation.domain.Step;
import co.wpfoods.order.ordering.application.OrderLifecycle;
import co.wpfoods.order.ordering.application.Orders;
import co.wpfoods.order.ordering.application.PlacingOrder;
import co.wpfoods.order.ordering.domain.Actor;
import co.wpfoods.order.ordering.domain.CancellationReason;
import co.wpfoods.order.ordering.domain.Customer;
import co.wpfoods.order.ordering.domain.DeliveryAddress;
import co.wpfoods.order.ordering.domain.IllegalTransitionException;
import co.wpfoods.order.ordering.domain.Order;
import co.wpfoods.order.ordering.domain.OrderLimits;
import co.wpfoods.order.ordering.domain.OrderLine;
import co.wpfoods.order.ordering.domain.OrderReference;
import co.wpfoods.order.ordering.domain.OrderStatus;
import co.wpfoods.order.ordering.domain.PaymentMethod;
import co.wpfoods.order.support.application.SupportQueue;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The customer conversation: reads one message (a tap first, then text through ai-service, a location, a catalog
 * cart), moves the conversation and the domain, and answers — all in the caller's transaction with the inbox record.
 * Every answer offers a way forward: when a text is not understood (ai-service slow, down or unsure) the current
 * step's buttons or list are shown again.
 */
@Service
public class ChattingWithCustomers {

    static final int PAGE = 9;
    /** Taps answering the promotions question ({@code promo:yes|no:<language>}), read by marketing's chat. */
    public static final String PROMO_TAP = "promo";
    /** The tap that starts an order (the home screen's "Pedir algo nuevo", the win-back template's "Pedir ahora"). */
    public static final String ORDER_NOW_TAP = "home:near";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ENGLISH_SWITCH =
            Pattern.compile("\\b(english( please)?|in english|ingl[eé]s)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPANISH_SWITCH =
            Pattern.compile("\\b(espa[nñ]ol( por favor)?|in spanish|spanish please)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENGLISH_WORDS = Pattern.compile(
            "\\b(hi|hello|hey|please|want|would|like|order|food|i'm|i'd|the|with|my|where|burger|thanks)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CASH_BILL = Pattern.compile(
            "(?:billete|pago con|pagar[eé]? con|cambio de|change for|pay with|bill)\\D{0,12}(\\d{1,3}(?:[.,]\\d{3})*|\\d+)\\s*(mil|k)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GREETING = Pattern.compile(
            "^\\s*(hola|holi|buenas|buenos d[ií]as|buenas tardes|buenas noches|hi|hello|hey)\\W*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RATING = Pattern.compile("^\\s*([1-5])\\s*(?:estrellas?|stars?|⭐+)?\\s*$");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("h:mm a", Locale.forLanguageTag("es-CO"));

    private final Conversations conversations;
    private final Chat chat;
    private final MessageSource messages;
    private final Restaurants restaurants;
    private final Orders orders;
    private final PlacingOrder placing;
    private final OrderLifecycle lifecycle;
    private final SupportQueue support;
    private final HandlingComplaints complaints;
    private final Consents consents;
    private final ConversationSettings settings;
    private final Clock clock;

    public ChattingWithCustomers(
            Conversations conversations,
            Chat chat,
            MessageSource messages,
            Restaurants restaurants,
            Orders orders,
            PlacingOrder placing,
            OrderLifecycle lifecycle,
            SupportQueue support,
            ConversationSettings settings,
            Clock clock,
            HandlingComplaints complaints,
            Consents consents) {
        this.conversations = conversations;
        this.chat = chat;
        this.messages = messages;
        this.restaurants = restaurants;
        this.orders = orders;
        this.placing = placing;
        this.lifecycle = lifecycle;
        this.support = support;
        this.complaints = complaints;
        this.consents = consents;
        this.settings = settings;
        this.clock = clock;
    }

    /** The context ai-service gets for a free text, read before the message's transaction (no lock held). */
    public Understanding.Request contextFor(CustomerMessage message, String text) {
        CustomerChat state = conversations.customer(message.key()).orElseGet(CustomerChat::new);
        return new Understanding.Request(
                "CUSTOMER",
                "en".equals(state.language) ? "en" : "es-CO",
                text,
                state.restaurantId,
                state.cart.stream()
                        .map(l -> new Understanding.CartItem(l.itemId(), l.name(), l.quantity()))
                        .toList(),
                state.lastPrompt,
                "conv:" + message.key());
    }

    /** Handles one message; {@code understood} is ai-service's reading of a text (empty: not understood / no text). */
    public void handle(CustomerMessage message, Optional<Understood> understood) {
        if (message.rateLimited()) {
            return;
        }
        CustomerChat state = conversations.customer(message.key()).orElseGet(CustomerChat::new);
        var turn = new Turn(message, state, understood);
        if (!state.consented()) {
            consent(turn);
        } else {
            converse(turn);
        }
        if (turn.say.lastPrompt() != null) {
            state.lastPrompt = turn.say.lastPrompt();
        }
        conversations.save(message.key(), state);
    }

    /** Everything one message's handling needs. */
    private final class Turn {
        final CustomerMessage message;
        final CustomerChat chat;
        final Optional<Understood> understood;
        final Instant now = clock.instant();
        Replies say;
        int languageChanges;

        Turn(CustomerMessage message, CustomerChat chat, Optional<Understood> understood) {
            this.message = message;
            this.chat = chat;
            this.understood = understood;
            this.say = replies();
        }

        Replies replies() {
            return new Replies(
                    ChattingWithCustomers.this.chat,
                    messages,
                    message.from(),
                    chat.language,
                    message.messageId() + "/" + languageChanges,
                    "conv:" + message.key(),
                    now);
        }

        void language(String language) {
            chat.language = language;
            languageChanges++;
            say = replies();
        }

        void step(Step step, String question) {
            chat.step = step;
            chat.lastQuestion = question;
        }
    }

    // ---------------------------------------------------------------- consent

    private void consent(Turn turn) {
        if (turn.message.input() instanceof Input.Tap tap && tap.kind().equals("consent")) {
            if (tap.part(1).equals("yes")) {
                // the proof: a PERSONAL_DATA grant with the policy version the question showed
                consents.grantPersonalData(turn.message.key(), turn.chat.policyShown);
                turn.chat.consentAt = turn.now;
                turn.chat.name = turn.message.profileName();
                turn.say.text(turn.say.t("consent.thanks"));
                home(turn);
            } else {
                turn.say.text(turn.say.t("consent.declined"));
            }
            return;
        }
        if (turn.message.input() instanceof Input.Text text) {
            turn.language(languageOf(text.body(), turn.understood, turn.chat.language));
        }
        turn.step(Step.CONSENT, "consent");
        turn.chat.policyShown = consents.policyVersion();
        turn.say.buttons(
                turn.say.t("consent.ask", turn.chat.policyShown),
                List.of(
                        new Button("consent:yes", turn.say.t("consent.yes")),
                        new Button("consent:no", turn.say.t("consent.no"))));
    }

    private static String languageOf(String text, Optional<Understood> understood, String current) {
        if (ENGLISH_SWITCH.matcher(text).find()) {
            return "en";
        }
        if (SPANISH_SWITCH.matcher(text).find()) {
            return "es";
        }
        if (understood.isPresent() && understood.get().language() != null) {
            return understood.get().language().startsWith("en") ? "en" : "es";
        }
        return ENGLISH_WORDS.matcher(text).find() ? "en" : current;
    }

    // ---------------------------------------------------------------- dispatch

    private void converse(Turn turn) {
        switch (turn.message.input()) {
            case Input.Tap tap -> tap(turn, tap);
            case Input.Text text -> text(turn, text.body());
            case Input.Location location -> location(turn, location);
            case Input.CatalogCart cart -> catalogCart(turn, cart);
            case Input.Reaction reaction -> reaction(turn, reaction);
            case Input.Other other -> {
                turn.say.text(turn.say.t("input.unsupported"));
                reprompt(turn);
            }
        }
    }

    private void tap(Turn turn, Input.Tap tap) {
        switch (tap.kind()) {
            case "consent" -> reprompt(turn);
            case "lang" -> {
                turn.language(tap.part(1).equals("en") ? "en" : "es");
                turn.say.text(turn.say.t("language.changed"));
                reprompt(turn);
            }
            case "home" -> {
                switch (tap.part(1)) {
                    case "reorder" -> reorder(turn, turn.chat.lastOrderRef);
                    case "help" -> askComplaint(turn);
                    default -> askLocation(turn);
                }
            }
            case "rests" -> nearby(turn, parsePage(tap.part(1)));
            case "rest" -> chooseRestaurant(turn, tap.part(1));
            case "menu" -> menu(turn, tap.part(1), parsePage(tap.part(2)));
            case "item" -> itemDetails(turn, tap.part(1), tap.part(2));
            case "add" -> addFromMenu(turn, tap.part(1), tap.part(2));
            case "mod" -> chooseModifier(turn, tap.part(1), tap.part(2), tap.part(3));
            case "cart" -> cartTap(turn, tap.part(1));
            case "line" -> lineTap(turn, parsePage(tap.part(1)), tap.part(2), tap.part(3));
            case "switch" -> switchRestaurant(turn, tap.part(1).equals("yes"));
            case "addr" -> addressTap(turn, tap);
            case "pay" -> payment(turn, tap.part(1).equals("card") ? PaymentMethod.CARD : PaymentMethod.CASH);
            case "chg" -> change(turn, tap.part(1));
            case "sum" -> summaryTap(turn, tap.part(1), tap.part(2));
            case "order" -> orderTap(turn, tap.part(1), tap.part(2));
            case "rate" -> rate(turn, tap.part(1), parsePage(tap.part(2)));
            case "reorder" -> reorder(turn, tap.part(1));
            case HandlingComplaints.TAP ->
                complaints.kindChosen(turn.chat, turn.message.key(), turn.say, tap.part(1), null);
            default -> reprompt(turn);
        }
    }

    private void text(Turn turn, String body) {
        var chat = turn.chat;
        String language = languageOf(body, Optional.empty(), chat.language);
        if (!language.equals(chat.language)
                && (ENGLISH_SWITCH.matcher(body).find()
                        || SPANISH_SWITCH.matcher(body).find())) {
            turn.language(language);
            turn.say.text(turn.say.t("language.changed"));
            reprompt(turn);
            return;
        }
        if (GREETING.matcher(body).matches()) {
            home(turn);
            return;
        }
        switch (chat.step) {
            case ASK_NOTES -> {
                chat.notes = Replies.fit(body, 300);
                summary(turn);
                return;
            }
            case ASK_COMPLAINT -> {
                complaints.complaint(turn.chat, turn.message.key(), turn.say, body);
                return;
            }
            case ASK_ADDRESS_NAME -> {
                if (chat.namingOrderRef != null && !SavedAddress.tidy(body).isEmpty()) {
                    nameAddress(turn, chat.namingOrderRef, body);
                    return;
                }
            }
            case ASK_COMPLAINT_KIND -> {
                complaints.kindChosen(turn.chat, turn.message.key(), turn.say, null, body);
                return;
            }
            case ASK_ADDRESS, ASK_LOCATION, CONFIRM_ADDRESS -> {
                if (typedAddress(turn, body)) {
                    return;
                }
            }
            case SUMMARY, ASK_PAYMENT -> {
                Matcher cash = CASH_BILL.matcher(body);
                if (cash.find()) {
                    long amount = Long.parseLong(cash.group(1).replaceAll("[.,]", ""));
                    if (cash.group(2) != null) {
                        amount *= 1000;
                    }
                    chat.payment = PaymentMethod.CASH;
                    chat.cashChangeForCop = amount;
                    summary(turn);
                    return;
                }
            }
            default -> {}
        }
        Matcher stars = RATING.matcher(body);
        if (stars.matches() && chat.lastOrderRef != null) {
            var last = ownOrder(turn, chat.lastOrderRef);
            if (last.isPresent()
                    && last.get().status() == OrderStatus.DELIVERED
                    && last.get().rating() == null) {
                rate(turn, chat.lastOrderRef, Integer.parseInt(stars.group(1)));
                return;
            }
        }
        var understood = turn.understood.filter(u -> u.confidence() >= settings.minConfidence());
        if (understood.isEmpty() || understood.get().intent() == null) {
            turn.say.text(turn.say.t("input.not.understood"));
            reprompt(turn);
            return;
        }
        intent(turn, understood.get(), body);
    }

    private void intent(Turn turn, Understood u, String body) {
        switch (u.intent()) {
            case "greet" -> {
                turn.say.text(turn.say.t("greet.again", firstName(turn)));
                home(turn);
            }
            case "thanks" -> turn.say.text(turn.say.t("thanks.reply"));
            case "help" -> askComplaint(turn);
            case "complaint" -> complaints.complaint(turn.chat, turn.message.key(), turn.say, body);
            // opt_out (marketing) and delete_data are answered before this conversation (marketing and privacy)
            case "delete_data" -> openTicket(turn, SupportQueue.Kind.PRIVACY, body);
            case "browse", "search" -> search(turn, u);
            case "add_to_cart" -> addMentions(turn, u);
            case "remove_from_cart" -> removeMentions(turn, u);
            case "view_cart" -> showCart(turn);
            case "checkout" -> checkout(turn);
            case "confirm" -> {
                if (turn.chat.step == Step.SUMMARY && turn.chat.checkoutToken != null) {
                    confirm(turn, turn.chat.checkoutToken);
                } else {
                    reprompt(turn);
                }
            }
            case "cancel" -> cancelIntent(turn);
            case "track" -> track(turn, u.orderReference() != null ? u.orderReference() : turn.chat.lastOrderRef);
            case "reorder" -> reorder(turn, turn.chat.lastOrderRef);
            case "pay_question" -> {
                if (u.paymentMethod() != null) {
                    payment(turn, u.paymentMethod().equals("CASH") ? PaymentMethod.CASH : PaymentMethod.CARD);
                } else {
                    turn.say.text(turn.say.t("pay.explain"));
                    reprompt(turn);
                }
            }
            default -> {
                turn.say.text(turn.say.t("input.not.understood"));
                reprompt(turn);
            }
        }
    }

    private void reaction(Turn turn, Input.Reaction reaction) {
        if (turn.chat.step == Step.RATING && turn.chat.lastOrderRef != null && reaction.emoji() != null) {
            if (reaction.emoji().startsWith("👍") || reaction.emoji().startsWith("❤")) {
                rate(turn, turn.chat.lastOrderRef, 5);
            } else if (reaction.emoji().startsWith("👎")) {
                rate(turn, turn.chat.lastOrderRef, 1);
            }
        }
        // a reaction is an acknowledgement: no answer needed otherwise
    }

    /** Shows the current step's options again: the way forward after anything not understood or out of date. */
    private void reprompt(Turn turn) {
        var chat = turn.chat;
        switch (chat.step) {
            case CONSENT -> consent(turn);
            case HOME, ASK_LOCATION -> home(turn);
            case CHOOSING_RESTAURANT -> nearby(turn, chat.restaurantsPage);
            case BROWSING_MENU -> menu(turn, chat.restaurantId, 0);
            case CHOOSING_MODIFIER -> askModifier(turn);
            case CART -> showCart(turn);
            case SWITCH_RESTAURANT -> askSwitch(turn);
            case ASK_ADDRESS, CONFIRM_ADDRESS -> askAddress(turn);
            case ASK_NOTES -> askNotes(turn);
            case ASK_PAYMENT -> askPayment(turn);
            case SUMMARY -> summary(turn);
            case TRACKING -> track(turn, chat.lastOrderRef);
            case RATING -> askRating(turn, chat.lastOrderRef);
            case ASK_COMPLAINT -> askComplaint(turn);
            case ASK_COMPLAINT_KIND -> complaints.askKind(turn.chat, turn.say);
            case ASK_ADDRESS_NAME -> askAddressName(turn, chat.namingOrderRef);
        }
    }

    // ---------------------------------------------------------------- home, location, restaurants

    private void home(Turn turn) {
        var chat = turn.chat;
        if (!chat.cart.isEmpty()) {
            showCart(turn);
            return;
        }
        if (chat.lastOrderRef != null) {
            turn.step(Step.HOME, "home");
            turn.say.buttons(
                    turn.say.t("home.returning", firstName(turn)),
                    List.of(
                            new Button("home:reorder", turn.say.t("home.reorder")),
                            new Button("home:near", turn.say.t("home.new")),
                            new Button("home:help", turn.say.t("home.help"))));
            return;
        }
        askLocation(turn);
    }

    private void askLocation(Turn turn) {
        turn.step(Step.ASK_LOCATION, "location");
        if (!offerSaved(turn, "location.ask.saved")) {
            turn.say.locationRequest(turn.say.t("location.ask"));
        }
    }

    private void location(Turn turn, Input.Location location) {
        var chat = turn.chat;
        chat.latitude = location.latitude();
        chat.longitude = location.longitude();
        chat.addressText = location.address() != null
                ? location.address()
                : location.name() != null ? location.name() : turn.say.t("address.shared");
        chat.proposedAddress = null;
        if (inCheckout(chat.step) || (!chat.cart.isEmpty() && chat.step == Step.CART)) {
            checkout(turn);
        } else {
            nearby(turn, 0);
        }
    }

    private static boolean inCheckout(Step step) {
        return step == Step.ASK_ADDRESS
                || step == Step.CONFIRM_ADDRESS
                || step == Step.ASK_PAYMENT
                || step == Step.SUMMARY
                || step == Step.ASK_NOTES;
    }

    private boolean typedAddress(Turn turn, String body) {
        var address = turn.understood.map(Understood::address).orElse(null);
        Optional<GeoLocation> point = address == null
                ? Optional.empty()
                : BogotaGrid.place(address.viaType(), address.viaNumber(), address.crossNumber());
        if (point.isEmpty()) {
            return false;
        }
        var chat = turn.chat;
        chat.proposedAddress = Replies.fit(body, 200);
        chat.proposedLatitude = point.get().latitude();
        chat.proposedLongitude = point.get().longitude();
        turn.step(Step.CONFIRM_ADDRESS, "address-confirm");
        turn.say.buttons(
                turn.say.t("address.confirm", chat.proposedAddress),
                List.of(
                        new Button("addr:ok", turn.say.t("address.ok")),
                        new Button("addr:new", turn.say.t("address.share"))));
        return true;
    }

    private void addressTap(Turn turn, Input.Tap tap) {
        var chat = turn.chat;
        switch (tap.part(1)) {
            case "ok" -> {
                if (chat.proposedAddress == null) {
                    reprompt(turn);
                    return;
                }
                chat.addressText = chat.proposedAddress;
                chat.latitude = chat.proposedLatitude;
                chat.longitude = chat.proposedLongitude;
                chat.proposedAddress = null;
                if (chat.cart.isEmpty()) {
                    nearby(turn, 0);
                } else {
                    checkout(turn);
                }
            }
            case "here" -> checkout(turn);
            case "saved" -> useSaved(turn, tap.part(2));
            case "save" -> askAddressName(turn, tap.part(2));
            case "name" -> nameAddress(turn, tap.part(2), tap.part(3));
            case "share" -> {
                turn.step(chat.cart.isEmpty() ? Step.ASK_LOCATION : Step.ASK_ADDRESS, "address");
                turn.say.locationRequest(turn.say.t(chat.cart.isEmpty() ? "location.ask" : "address.ask"));
            }
            default -> {
                chat.latitude = null;
                chat.longitude = null;
                chat.addressText = null;
                askAddress(turn);
            }
        }
    }

    private void askAddress(Turn turn) {
        turn.step(turn.chat.cart.isEmpty() ? Step.ASK_LOCATION : Step.ASK_ADDRESS, "address");
        if (!offerSaved(turn, "address.ask.saved")) {
            turn.say.locationRequest(turn.say.t("address.ask"));
        }
    }

    /** With saved addresses, a list of them plus "another place" instead of the bare location request. */
    private boolean offerSaved(Turn turn, String body) {
        var saved = turn.chat.addresses;
        if (saved == null || saved.isEmpty()) {
            return false;
        }
        var rows = new ArrayList<Row>();
        for (SavedAddress a : saved.reversed()) {
            rows.add(new Row("addr:saved:" + a.name(), a.name(), a.text()));
        }
        rows.add(new Row("addr:share", turn.say.t("address.saved.other"), turn.say.t("address.saved.other.hint")));
        turn.say.list(
                turn.say.t(body),
                turn.say.t("address.saved.button"),
                List.of(new Replies.Section(turn.say.t("address.saved.section"), rows)));
        return true;
    }

    private void useSaved(Turn turn, String name) {
        var chat = turn.chat;
        var found = chat.addresses.stream()
                .filter(a -> a.name().equalsIgnoreCase(name))
                .findFirst();
        if (found.isEmpty()) {
            askAddress(turn);
            return;
        }
        chat.latitude = found.get().latitude();
        chat.longitude = found.get().longitude();
        chat.addressText = found.get().text();
        chat.proposedAddress = null;
        if (chat.cart.isEmpty()) {
            nearby(turn, 0);
        } else {
            checkout(turn);
        }
    }

    private List<Button> placedButtons(Turn turn, String reference, GeoLocation point) {
        var buttons = new ArrayList<Button>();
        buttons.add(new Button("order:" + reference + ":track", turn.say.t("order.where")));
        buttons.add(new Button("order:" + reference + ":cancel", turn.say.t("order.cancel")));
        boolean saved = turn.chat.addresses.stream()
                .anyMatch(a -> a.latitude() == point.latitude() && a.longitude() == point.longitude());
        if (!saved) {
            buttons.add(new Button("addr:save:" + reference, turn.say.t("address.save")));
        }
        return buttons;
    }

    private void askAddressName(Turn turn, String reference) {
        var order = ownOrder(turn, reference);
        if (order.isEmpty()
                || order.get().address() == null
                || order.get().address().point() == null) {
            turn.say.text(turn.say.t("order.unknown"));
            reprompt(turn);
            return;
        }
        turn.chat.namingOrderRef = reference;
        turn.step(Step.ASK_ADDRESS_NAME, "address-name");
        turn.say.buttons(
                turn.say.t("address.name.ask", order.get().address().text()),
                List.of(
                        new Button("addr:name:" + reference + ":home", turn.say.t("address.name.home")),
                        new Button("addr:name:" + reference + ":office", turn.say.t("address.name.office"))));
    }

    private void nameAddress(Turn turn, String reference, String nameOrKey) {
        String name = switch (nameOrKey) {
            case "home" -> turn.say.t("address.name.home");
            case "office" -> turn.say.t("address.name.office");
            default -> nameOrKey;
        };
        var order = ownOrder(turn, reference);
        if (order.isEmpty()
                || order.get().address() == null
                || order.get().address().point() == null) {
            turn.say.text(turn.say.t("order.unknown"));
            reprompt(turn);
            return;
        }
        if (SavedAddress.tidy(name).isEmpty()) {
            askAddressName(turn, reference);
            return;
        }
        var address = order.get().address();
        var saved = new SavedAddress(
                name,
                address.text(),
                address.point().latitude(),
                address.point().longitude());
        turn.chat.addresses = SavedAddress.save(turn.chat.addresses, saved);
        turn.chat.namingOrderRef = null;
        turn.step(Step.TRACKING, "saved-address");
        turn.say.text(turn.say.t("address.saved", saved.name()));
    }

    private List<Restaurant> openNear(GeoLocation point, Instant now) {
        return restaurants.within(point, StoreSettings.MAX_RADIUS_METERS).stream()
                .filter(r -> r.deliversTo(point))
                .filter(r -> r.store().takesOrdersAt(now))
                .filter(r -> restaurants.menuOf(r.id()).map(Menu::open).orElse(false))
                .sorted(Comparator.comparingDouble(r -> GeoDistance.meters(r.location(), point)))
                .toList();
    }

    private void nearby(Turn turn, int page) {
        var chat = turn.chat;
        if (!chat.hasDeliveryPoint()) {
            askLocation(turn);
            return;
        }
        var point = new GeoLocation(chat.latitude, chat.longitude);
        var open = openNear(point, turn.now);
        if (open.isEmpty()) {
            turn.step(Step.ASK_LOCATION, "location");
            turn.say.buttons(
                    turn.say.t("restaurants.none"),
                    List.of(
                            new Button("home:near", turn.say.t("address.other")),
                            new Button("home:help", turn.say.t("home.help"))));
            return;
        }
        int from = Math.min(page * PAGE, Math.max(0, open.size() - 1) / PAGE * PAGE);
        var rows = new ArrayList<Row>();
        for (Restaurant r : open.subList(from, Math.min(open.size(), from + PAGE))) {
            double km = GeoDistance.meters(r.location(), point) / 1000;
            rows.add(new Row(
                    "rest:" + r.id().value(),
                    r.name(),
                    turn.say.t(
                            "restaurants.row",
                            r.zone() == null ? "" : r.zone(),
                            String.format(Locale.ROOT, "%.1f", km),
                            turn.say.cop(r.store().deliveryFee().value()),
                            r.store().preparationMinutes())));
        }
        if (from + PAGE < open.size()) {
            rows.add(new Row("rests:" + (from / PAGE + 1), turn.say.t("list.more"), null));
        }
        chat.restaurantsPage = from / PAGE;
        turn.step(Step.CHOOSING_RESTAURANT, "restaurants");
        turn.say.list(
                turn.say.t("restaurants.body", open.size()),
                turn.say.t("restaurants.button"),
                List.of(new Replies.Section(turn.say.t("restaurants.section"), rows)));
    }

    private void chooseRestaurant(Turn turn, String restaurantId) {
        var chat = turn.chat;
        var restaurant = restaurants.find(new RestaurantId(restaurantId));
        if (restaurant.isEmpty()) {
            reprompt(turn);
            return;
        }
        if (!chat.cart.isEmpty() && !restaurantId.equals(chat.restaurantId)) {
            chat.pendingRestaurantId = restaurantId;
            chat.pendingLines = new ArrayList<>();
            askSwitch(turn);
            return;
        }
        if (!takesOrders(turn, restaurant.get())) {
            return;
        }
        chat.restaurantId = restaurantId;
        menu(turn, restaurantId, 0);
    }

    /** Open and not paused now, or says so and offers what is open. */
    private boolean takesOrders(Turn turn, Restaurant restaurant) {
        var store = restaurant.store();
        boolean menuOpen = restaurants.menuOf(restaurant.id()).map(Menu::open).orElse(false);
        if (store.takesOrdersAt(turn.now) && menuOpen) {
            return true;
        }
        String when = store.paused() || !menuOpen
                ? turn.say.t("restaurant.paused", restaurant.name())
                : store.hours()
                        .nextOpening(turn.now)
                        .map(t -> turn.say.t(
                                "restaurant.closed.until",
                                restaurant.name(),
                                t.format(HOUR.withLocale(Replies.localeOf(turn.chat.language)))))
                        .orElse(turn.say.t("restaurant.paused", restaurant.name()));
        turn.step(Step.HOME, "closed");
        turn.say.buttons(
                when,
                List.of(
                        new Button("rests:0", turn.say.t("restaurants.others")),
                        new Button("cart:view", turn.say.t("cart.view"))));
        return false;
    }

    // ---------------------------------------------------------------- menu and items

    private void menu(Turn turn, String restaurantId, int page) {
        if (restaurantId == null || restaurantId.isBlank()) {
            home(turn);
            return;
        }
        var restaurant = restaurants.find(new RestaurantId(restaurantId)).orElse(null);
        var menu = restaurants.menuOf(new RestaurantId(restaurantId)).orElse(null);
        if (restaurant == null || menu == null) {
            home(turn);
            return;
        }
        var available = menu.items().stream().filter(MenuItem::available).toList();
        int from = Math.min(page * PAGE, Math.max(0, available.size() - 1) / PAGE * PAGE);
        var sections = new Replies.Sections();
        for (MenuItem item : available.subList(from, Math.min(available.size(), from + PAGE))) {
            sections.add(
                    item.category() == null ? turn.say.t("menu.other") : item.category(),
                    new Row(
                            "add:" + restaurantId + ":" + item.itemId(),
                            item.name(),
                            turn.say.cop(item.price().value())
                                    + (item.description() == null ? "" : " · " + item.description())));
        }
        if (from + PAGE < available.size()) {
            sections.add(
                    turn.say.t("list.more.section"),
                    new Row("menu:" + restaurantId + ":" + (from / PAGE + 1), turn.say.t("list.more"), null));
        }
        turn.chat.restaurantId = restaurantId;
        turn.step(Step.BROWSING_MENU, "menu");
        turn.say.list(
                turn.say.t("menu.body", restaurant.name(), from / PAGE + 1, (available.size() + PAGE - 1) / PAGE),
                turn.say.t("menu.button"),
                sections.build());
    }

    private void itemDetails(Turn turn, String restaurantId, String itemId) {
        var item = menuItem(restaurantId, itemId);
        if (item.isEmpty()) {
            turn.say.text(turn.say.t("item.unknown"));
            reprompt(turn);
            return;
        }
        var i = item.get();
        if (!i.available()) {
            turn.say.text(turn.say.t("item.unavailable", i.name()));
            menu(turn, restaurantId, 0);
            return;
        }
        var text = new StringBuilder(
                "*" + i.name() + "* — " + turn.say.cop(i.price().value()));
        if (i.description() != null) {
            text.append("\n").append(i.description());
        }
        for (ModifierGroup group : i.modifierGroups()) {
            text.append("\n")
                    .append(turn.say.t(group.required() ? "item.group.required" : "item.group.optional", group.name()))
                    .append(" ")
                    .append(String.join(
                            ", ",
                            i.modifiersOf(group).stream()
                                    .map(m -> m.name()
                                            + (m.price().value() == 0
                                                    ? ""
                                                    : " ("
                                                            + signed(
                                                                    turn,
                                                                    m.price().value()) + ")"))
                                    .toList()));
        }
        var extras = i.modifiers().stream().filter(m -> m.groupId() == null).toList();
        if (!extras.isEmpty()) {
            text.append("\n")
                    .append(turn.say.t("item.extras"))
                    .append(" ")
                    .append(String.join(
                            ", ",
                            extras.stream()
                                    .map(m -> m.name()
                                            + (m.price().value() == 0
                                                    ? ""
                                                    : " ("
                                                            + signed(
                                                                    turn,
                                                                    m.price().value()) + ")"))
                                    .toList()));
        }
        turn.step(Step.BROWSING_MENU, "item");
        turn.say.buttons(
                text.toString(),
                List.of(
                        new Button("add:" + restaurantId + ":" + itemId, turn.say.t("item.add")),
                        new Button("menu:" + restaurantId + ":0", turn.say.t("menu.see")),
                        new Button("cart:view", turn.say.t("cart.view"))));
    }

    private static String signed(Turn turn, long delta) {
        return (delta > 0 ? "+" : "−") + turn.say.cop(Math.abs(delta));
    }

    private Optional<MenuItem> menuItem(String restaurantId, String itemId) {
        if (restaurantId == null || restaurantId.isBlank()) {
            return Optional.empty();
        }
        return restaurants
                .menuOf(new RestaurantId(restaurantId))
                .flatMap(m -> m.items().stream()
                        .filter(i -> i.itemId().equals(itemId))
                        .findFirst());
    }

    private void addFromMenu(Turn turn, String restaurantId, String itemId) {
        var item = menuItem(restaurantId, itemId);
        if (item.isEmpty() || !item.get().available()) {
            turn.say.text(
                    turn.say.t("item.unavailable", item.map(MenuItem::name).orElse("")));
            menu(turn, restaurantId, 0);
            return;
        }
        addLines(turn, restaurantId, List.of(lineOf(item.get(), 1, List.of(), null)));
    }

    private static CartLine lineOf(MenuItem item, int quantity, List<String> modifierIds, String note) {
        var chosen = new ArrayList<OrderLine.ChosenModifier>();
        for (String id : modifierIds) {
            item.modifier(id)
                    .ifPresent(m -> chosen.add(new OrderLine.ChosenModifier(
                            m.modifierId(), m.name(), m.price().value())));
        }
        return new CartLine(
                item.itemId(),
                item.name(),
                Math.min(quantity, OrderLine.MAX_QUANTITY),
                item.price().value(),
                chosen,
                note);
    }

    /** The first required group the line has not filled yet. */
    private Optional<ModifierGroup> missingGroup(String restaurantId, CartLine line) {
        var item = menuItem(restaurantId, line.itemId());
        if (item.isEmpty()) {
            return Optional.empty();
        }
        for (ModifierGroup group : item.get().modifierGroups()) {
            long chosen = line.modifiers().stream()
                    .filter(m -> item.get()
                            .modifier(m.modifierId())
                            .map(x -> group.groupId().equals(x.groupId()))
                            .orElse(false))
                    .count();
            if (chosen < group.min()) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }

    private void addLines(Turn turn, String restaurantId, List<CartLine> lines) {
        var chat = turn.chat;
        if (!chat.cart.isEmpty() && !restaurantId.equals(chat.restaurantId)) {
            chat.pendingRestaurantId = restaurantId;
            chat.pendingLines = new ArrayList<>(lines);
            askSwitch(turn);
            return;
        }
        var restaurant = restaurants.find(new RestaurantId(restaurantId)).orElse(null);
        if (restaurant == null || !takesOrders(turn, restaurant)) {
            return;
        }
        chat.restaurantId = restaurantId;
        var added = new ArrayList<CartLine>();
        for (CartLine line : lines) {
            if (missingGroup(restaurantId, line).isPresent()) {
                if (chat.pendingLine == null) {
                    chat.pendingLine = line;
                }
                continue;
            }
            putInCart(chat, line);
            added.add(line);
        }
        if (!added.isEmpty()) {
            turn.say.text(turn.say.t(
                    "cart.added",
                    String.join(
                            ", ",
                            added.stream().map(ChattingWithCustomers::describe).toList())));
        }
        if (chat.pendingLine != null) {
            askModifier(turn);
        } else {
            cartButtons(turn);
        }
    }

    private static void putInCart(CustomerChat chat, CartLine line) {
        for (int i = 0; i < chat.cart.size(); i++) {
            var existing = chat.cart.get(i);
            if (existing.sameChoiceAs(line)) {
                chat.cart.set(
                        i,
                        existing.withQuantity(Math.min(OrderLine.MAX_QUANTITY, existing.quantity() + line.quantity())));
                return;
            }
        }
        chat.cart.add(line);
        chat.checkoutToken = null;
    }

    private static String describe(CartLine line) {
        String mods = line.modifiers().isEmpty()
                ? ""
                : " ("
                        + String.join(
                                ", ",
                                line.modifiers().stream()
                                        .map(OrderLine.ChosenModifier::name)
                                        .toList()) + ")";
        String note = line.note() == null ? "" : " [" + line.note() + "]";
        return line.quantity() + "× " + line.name() + mods + note;
    }

    private void askModifier(Turn turn) {
        var chat = turn.chat;
        var line = chat.pendingLine;
        if (line == null) {
            showCart(turn);
            return;
        }
        var group = missingGroup(chat.restaurantId, line);
        var item = menuItem(chat.restaurantId, line.itemId());
        if (group.isEmpty() || item.isEmpty()) {
            chat.pendingLine = null;
            showCart(turn);
            return;
        }
        var rows = item.get().modifiersOf(group.get()).stream()
                .limit(10)
                .map(m -> new Row(
                        "mod:" + chat.restaurantId + ":" + line.itemId() + ":" + m.modifierId(),
                        m.name(),
                        m.price().value() == 0 ? null : signed(turn, m.price().value())))
                .toList();
        turn.step(Step.CHOOSING_MODIFIER, "modifier");
        turn.say.list(
                turn.say.t("modifier.ask", group.get().name(), line.name()),
                turn.say.t("modifier.button"),
                List.of(new Replies.Section(group.get().name(), rows)));
    }

    private void chooseModifier(Turn turn, String restaurantId, String itemId, String modifierId) {
        var chat = turn.chat;
        var line = chat.pendingLine;
        if (line == null || !line.itemId().equals(itemId) || !restaurantId.equals(chat.restaurantId)) {
            turn.say.text(turn.say.t("tap.stale"));
            reprompt(turn);
            return;
        }
        var modifier = menuItem(restaurantId, itemId).flatMap(i -> i.modifier(modifierId));
        if (modifier.isEmpty()) {
            askModifier(turn);
            return;
        }
        var m = modifier.get();
        var chosen = line.withModifier(
                new OrderLine.ChosenModifier(m.modifierId(), m.name(), m.price().value()));
        chat.pendingLine = null;
        addLines(turn, restaurantId, List.of(chosen));
    }

    private void search(Turn turn, Understood u) {
        var chat = turn.chat;
        var found = u.items().stream()
                .filter(m -> m.itemId() != null && m.restaurantId() != null)
                .toList();
        // only what the customer can order now: an open restaurant (not paused, in hours, menu open) that delivers to
        // their point when we know it, and an item that is on
        var mentioned = found.stream().filter(m -> orderableNow(turn, m)).toList();
        if (!found.isEmpty() && mentioned.isEmpty()) {
            turn.say.text(turn.say.t("search.none"));
            if (chat.restaurantId != null) {
                menu(turn, chat.restaurantId, 0);
            } else {
                nearby(turn, 0);
            }
            return;
        }
        if (mentioned.isEmpty()) {
            if (chat.restaurantId != null) {
                menu(turn, chat.restaurantId, 0);
            } else {
                nearby(turn, 0);
            }
            return;
        }
        if (mentioned.size() == 1) {
            itemDetails(
                    turn,
                    mentioned.getFirst().restaurantId(),
                    mentioned.getFirst().itemId());
            return;
        }
        var sections = new Replies.Sections();
        for (var m : mentioned.subList(0, Math.min(PAGE, mentioned.size()))) {
            var restaurant = restaurants.find(new RestaurantId(m.restaurantId()));
            var item = menuItem(m.restaurantId(), m.itemId());
            if (restaurant.isEmpty() || item.isEmpty() || !item.get().available()) {
                continue;
            }
            sections.add(
                    restaurant.get().name(),
                    new Row(
                            "add:" + m.restaurantId() + ":" + m.itemId(),
                            item.get().name(),
                            turn.say.cop(item.get().price().value())));
        }
        var built = sections.build();
        if (built.isEmpty()) {
            turn.say.text(turn.say.t("item.unknown"));
            reprompt(turn);
            return;
        }
        turn.step(Step.BROWSING_MENU, "search");
        turn.say.list(turn.say.t("search.body"), turn.say.t("menu.button"), built);
    }

    private boolean orderableNow(Turn turn, Understanding.Mention m) {
        var restaurant = restaurants.find(new RestaurantId(m.restaurantId())).orElse(null);
        if (restaurant == null || !restaurant.store().takesOrdersAt(turn.now)) {
            return false;
        }
        if (!restaurants.menuOf(restaurant.id()).map(Menu::open).orElse(false)) {
            return false;
        }
        var chat = turn.chat;
        if (chat.hasDeliveryPoint() && !restaurant.deliversTo(new GeoLocation(chat.latitude, chat.longitude))) {
            return false;
        }
        return menuItem(m.restaurantId(), m.itemId()).map(MenuItem::available).orElse(false);
    }

    private void addMentions(Turn turn, Understood u) {
        var chat = turn.chat;
        String restaurantId = u.items().stream()
                .map(Understanding.Mention::restaurantId)
                .filter(r -> r != null)
                .findFirst()
                .orElse(chat.restaurantId);
        if (u.items().isEmpty() || restaurantId == null) {
            turn.say.text(turn.say.t("item.unknown"));
            if (chat.restaurantId != null) {
                menu(turn, chat.restaurantId, 0);
            } else {
                nearby(turn, 0);
            }
            return;
        }
        var lines = new ArrayList<CartLine>();
        var unavailable = new ArrayList<String>();
        for (var m : u.items()) {
            String rid = m.restaurantId() == null ? restaurantId : m.restaurantId();
            if (!rid.equals(restaurantId)) {
                continue;
            }
            var item = menuItem(rid, m.itemId());
            if (item.isEmpty() || !item.get().available()) {
                unavailable.add(item.map(MenuItem::name).orElse(m.name()));
                continue;
            }
            String note = m.unmatchedModifiers().isEmpty() ? null : String.join(", ", m.unmatchedModifiers());
            lines.add(lineOf(item.get(), m.quantity(), m.modifierIds(), note));
        }
        if (!unavailable.isEmpty()) {
            turn.say.text(turn.say.t("item.unavailable", String.join(", ", unavailable)));
        }
        if (lines.isEmpty()) {
            menu(turn, restaurantId, 0);
            return;
        }
        addLines(turn, restaurantId, lines);
    }

    private void removeMentions(Turn turn, Understood u) {
        var chat = turn.chat;
        var ids = u.items().stream().map(Understanding.Mention::itemId).toList();
        boolean removed = chat.cart.removeIf(l -> ids.contains(l.itemId()));
        if (removed) {
            chat.checkoutToken = null;
        } else {
            turn.say.text(turn.say.t("cart.not.there"));
        }
        showCart(turn);
    }

    private void catalogCart(Turn turn, Input.CatalogCart cart) {
        var chat = turn.chat;
        String restaurantId = null;
        var lines = new ArrayList<CartLine>();
        var unknown = new ArrayList<String>();
        for (var entry : cart.items()) {
            var resolved = resolveRetailerId(chat, entry.retailerId());
            if (resolved.isEmpty() || (restaurantId != null && !restaurantId.equals(resolved.get()[0]))) {
                unknown.add(entry.retailerId());
                continue;
            }
            restaurantId = resolved.get()[0];
            var item = menuItem(restaurantId, resolved.get()[1]).orElseThrow();
            if (!item.available()) {
                unknown.add(item.name());
                continue;
            }
            lines.add(lineOf(item, Math.max(1, entry.quantity()), List.of(), null));
        }
        if (!unknown.isEmpty()) {
            turn.say.text(turn.say.t("catalog.unknown", String.join(", ", unknown)));
        }
        if (lines.isEmpty()) {
            reprompt(turn);
            return;
        }
        // a catalog cart is the customer's whole selection: it replaces the cart
        if (restaurantId.equals(chat.restaurantId)) {
            chat.clearCart();
        }
        addLines(turn, restaurantId, lines);
    }

    /** {@code <restaurantId>/<itemId>}, or an item id found in the restaurant in focus or in exactly one menu. */
    private Optional<String[]> resolveRetailerId(CustomerChat chat, String retailerId) {
        int slash = retailerId.indexOf('/');
        if (slash > 0) {
            String rid = retailerId.substring(0, slash);
            String itemId = retailerId.substring(slash + 1);
            return menuItem(rid, itemId).map(i -> new String[] {rid, itemId});
        }
        if (chat.restaurantId != null && menuItem(chat.restaurantId, retailerId).isPresent()) {
            return Optional.of(new String[] {chat.restaurantId, retailerId});
        }
        var owners = restaurants.withItem(retailerId);
        return owners.size() == 1
                ? Optional.of(new String[] {owners.getFirst().value(), retailerId})
                : Optional.empty();
    }

    // ---------------------------------------------------------------- cart

    private void cartTap(Turn turn, String action) {
        switch (action) {
            case "checkout" -> checkout(turn);
            case "clear" -> {
                turn.chat.clearCart();
                turn.say.text(turn.say.t("cart.cleared"));
                if (turn.chat.restaurantId != null) {
                    menu(turn, turn.chat.restaurantId, 0);
                } else {
                    home(turn);
                }
            }
            case "edit" -> editCart(turn);
            default -> showCart(turn);
        }
    }

    private void cartButtons(Turn turn) {
        var chat = turn.chat;
        turn.step(Step.CART, "cart");
        turn.say.buttons(
                turn.say.t(
                        "cart.total",
                        chat.cart.stream().mapToInt(CartLine::quantity).sum(),
                        turn.say.cop(chat.cartTotalCop())),
                List.of(
                        new Button("cart:checkout", turn.say.t("cart.checkout")),
                        new Button("menu:" + chat.restaurantId + ":0", turn.say.t("menu.more")),
                        new Button("cart:view", turn.say.t("cart.view"))));
    }

    private void showCart(Turn turn) {
        var chat = turn.chat;
        if (chat.cart.isEmpty()) {
            turn.say.text(turn.say.t("cart.empty"));
            if (chat.restaurantId != null) {
                menu(turn, chat.restaurantId, 0);
            } else {
                askLocation(turn);
            }
            return;
        }
        var body = new StringBuilder(turn.say.t("cart.header")).append("\n");
        for (CartLine line : chat.cart) {
            body.append("• ")
                    .append(describe(line))
                    .append(" — ")
                    .append(turn.say.cop(line.totalCop()))
                    .append("\n");
        }
        body.append(turn.say.t("cart.subtotal", turn.say.cop(chat.cartTotalCop())));
        turn.step(Step.CART, "cart");
        turn.say.buttons(
                body.toString(),
                List.of(
                        new Button("cart:checkout", turn.say.t("cart.checkout")),
                        new Button("cart:edit", turn.say.t("cart.edit")),
                        new Button("menu:" + chat.restaurantId + ":0", turn.say.t("menu.more"))));
    }

    private void editCart(Turn turn) {
        var chat = turn.chat;
        if (chat.cart.isEmpty()) {
            showCart(turn);
            return;
        }
        var rows = new ArrayList<Row>();
        for (int i = 0; i < Math.min(PAGE, chat.cart.size()); i++) {
            var line = chat.cart.get(i);
            rows.add(new Row("line:" + i + ":" + line.itemId(), line.name(), describe(line)));
        }
        rows.add(new Row("cart:clear", turn.say.t("cart.clear"), null));
        turn.step(Step.CART, "cart-edit");
        turn.say.list(
                turn.say.t("cart.edit.body"),
                turn.say.t("cart.edit"),
                List.of(new Replies.Section(turn.say.t("cart.section"), rows)));
    }

    private void lineTap(Turn turn, int index, String itemId, String op) {
        var chat = turn.chat;
        if (index < 0
                || index >= chat.cart.size()
                || !chat.cart.get(index).itemId().equals(itemId)) {
            turn.say.text(turn.say.t("tap.stale"));
            showCart(turn);
            return;
        }
        var line = chat.cart.get(index);
        switch (op) {
            case "plus" ->
                chat.cart.set(index, line.withQuantity(Math.min(OrderLine.MAX_QUANTITY, line.quantity() + 1)));
            case "minus" -> {
                if (line.quantity() <= 1) {
                    chat.cart.remove(index);
                } else {
                    chat.cart.set(index, line.withQuantity(line.quantity() - 1));
                }
            }
            case "remove" -> chat.cart.remove(index);
            default -> {
                turn.step(Step.CART, "line");
                turn.say.buttons(
                        describe(line) + " — " + turn.say.cop(line.totalCop()),
                        List.of(
                                new Button("line:" + index + ":" + itemId + ":plus", "+1"),
                                new Button("line:" + index + ":" + itemId + ":minus", "−1"),
                                new Button("line:" + index + ":" + itemId + ":remove", turn.say.t("cart.remove"))));
                return;
            }
        }
        chat.checkoutToken = null;
        showCart(turn);
    }

    private void askSwitch(Turn turn) {
        var chat = turn.chat;
        var current = restaurants
                .find(new RestaurantId(chat.restaurantId))
                .map(Restaurant::name)
                .orElse("");
        var next = chat.pendingRestaurantId == null
                ? ""
                : restaurants
                        .find(new RestaurantId(chat.pendingRestaurantId))
                        .map(Restaurant::name)
                        .orElse("");
        turn.step(Step.SWITCH_RESTAURANT, "switch");
        turn.say.buttons(
                turn.say.t("switch.ask", current, next),
                List.of(
                        new Button("switch:yes", turn.say.t("switch.yes")),
                        new Button("switch:no", turn.say.t("switch.no"))));
    }

    private void switchRestaurant(Turn turn, boolean yes) {
        var chat = turn.chat;
        if (chat.pendingRestaurantId == null) {
            turn.say.text(turn.say.t("tap.stale"));
            reprompt(turn);
            return;
        }
        String next = chat.pendingRestaurantId;
        var lines = chat.pendingLines;
        chat.pendingRestaurantId = null;
        chat.pendingLines = new ArrayList<>();
        if (!yes) {
            showCart(turn);
            return;
        }
        chat.clearCart();
        chat.restaurantId = next;
        if (lines.isEmpty()) {
            chooseRestaurant(turn, next);
        } else {
            addLines(turn, next, lines);
        }
    }

    // ---------------------------------------------------------------- checkout

    private void checkout(Turn turn) {
        var chat = turn.chat;
        if (chat.cart.isEmpty()) {
            showCart(turn);
            return;
        }
        var restaurant = restaurants.find(new RestaurantId(chat.restaurantId)).orElse(null);
        if (restaurant == null || !takesOrders(turn, restaurant)) {
            return;
        }
        if (!refreshCart(turn)) {
            return;
        }
        if (!chat.hasDeliveryPoint()) {
            askAddress(turn);
            return;
        }
        var point = new GeoLocation(chat.latitude, chat.longitude);
        if (!restaurant.deliversTo(point)) {
            double km = GeoDistance.meters(restaurant.location(), point) / 1000;
            turn.step(Step.ASK_ADDRESS, "address");
            turn.say.buttons(
                    turn.say.t(
                            "address.outside",
                            restaurant.name(),
                            String.format(Locale.ROOT, "%.1f", km),
                            String.format(
                                    Locale.ROOT, "%.1f", restaurant.store().deliveryRadiusMeters() / 1000.0)),
                    List.of(
                            new Button("addr:new", turn.say.t("address.other")),
                            new Button("rests:0", turn.say.t("restaurants.others"))));
            return;
        }
        if (chat.payment == null) {
            askPayment(turn);
            return;
        }
        summary(turn);
    }

    /**
     * Checks the cart against the menu as it is now: items switched off are removed, changed prices are updated, and
     * the customer is told. Returns false when nothing is left (the menu is shown).
     */
    private boolean refreshCart(Turn turn) {
        var chat = turn.chat;
        var menu = restaurants.menuOf(new RestaurantId(chat.restaurantId)).orElse(null);
        var kept = new ArrayList<CartLine>();
        var gone = new ArrayList<String>();
        var repriced = new ArrayList<String>();
        for (CartLine line : chat.cart) {
            var item = menu == null
                    ? Optional.<MenuItem>empty()
                    : menu.items().stream()
                            .filter(i -> i.itemId().equals(line.itemId()))
                            .findFirst();
            if (item.isEmpty() || !item.get().available()) {
                gone.add(line.name());
                continue;
            }
            var current = line;
            if (item.get().price().value() != line.basePriceCop()) {
                current = line.withBasePrice(item.get().price().value());
                repriced.add(turn.say.t(
                        "cart.repriced.line",
                        line.name(),
                        turn.say.cop(item.get().price().value())));
            }
            kept.add(current);
        }
        if (!gone.isEmpty()) {
            turn.say.text(turn.say.t("cart.removed.unavailable", String.join(", ", gone)));
        }
        if (!repriced.isEmpty()) {
            turn.say.text(turn.say.t("cart.repriced", String.join(", ", repriced)));
        }
        if (!gone.isEmpty() || !repriced.isEmpty()) {
            chat.cart = kept;
            chat.checkoutToken = null;
        }
        if (kept.isEmpty()) {
            menu(turn, chat.restaurantId, 0);
            return false;
        }
        return true;
    }

    private void askPayment(Turn turn) {
        turn.step(Step.ASK_PAYMENT, "payment");
        turn.say.buttons(
                turn.say.t("payment.ask", turn.chat.addressText == null ? "📍" : turn.chat.addressText),
                List.of(
                        new Button("pay:cash", turn.say.t("payment.cash")),
                        new Button("pay:card", turn.say.t("payment.card"))));
    }

    private void payment(Turn turn, PaymentMethod method) {
        turn.chat.payment = method;
        if (method == PaymentMethod.CARD) {
            turn.chat.cashChangeForCop = null;
        }
        if (turn.chat.cart.isEmpty()) {
            turn.say.text(turn.say.t("payment.noted"));
            reprompt(turn);
            return;
        }
        checkout(turn);
    }

    private void askNotes(Turn turn) {
        turn.step(Step.ASK_NOTES, "notes");
        turn.say.text(turn.say.t("notes.ask"));
    }

    private void summary(Turn turn) {
        var chat = turn.chat;
        if (chat.cart.isEmpty() || chat.payment == null || !chat.hasDeliveryPoint()) {
            checkout(turn);
            return;
        }
        var restaurant = restaurants.find(new RestaurantId(chat.restaurantId)).orElseThrow();
        chat.checkoutToken = token();
        var lines = chat.cart.stream().map(CartLine::toOrderLine).toList();
        var totals = co.wpfoods.order.ordering.domain.Totals.of(
                lines, restaurant.store().deliveryFee());
        var body = new StringBuilder(turn.say.t("summary.header", restaurant.name())).append("\n");
        for (CartLine line : chat.cart) {
            body.append("• ")
                    .append(describe(line))
                    .append(" — ")
                    .append(turn.say.cop(line.totalCop()))
                    .append("\n");
        }
        body.append(turn.say.t(
                        "summary.subtotal", turn.say.cop(totals.subtotal().value())))
                .append("\n");
        body.append(turn.say.t("summary.fee", turn.say.cop(totals.deliveryFee().value())))
                .append("\n");
        body.append(turn.say.t("summary.total", turn.say.cop(totals.total().value())))
                .append("\n");
        body.append(turn.say.t("summary.iva", turn.say.cop(totals.iva().value())))
                .append("\n");
        body.append(turn.say.t("summary.address", chat.addressText)).append("\n");
        if (chat.notes != null) {
            body.append(turn.say.t("summary.notes", chat.notes)).append("\n");
        }
        if (chat.payment == PaymentMethod.CASH) {
            body.append(
                    chat.cashChangeForCop == null
                            ? turn.say.t("summary.cash")
                            : turn.say.t("summary.cash.change", turn.say.cop(chat.cashChangeForCop)));
        } else {
            body.append(turn.say.t("summary.card"));
        }
        String token = chat.checkoutToken;
        turn.step(Step.SUMMARY, "summary");
        turn.say.buttons(
                body.toString(),
                List.of(
                        new Button("sum:" + token + ":confirm", turn.say.t("summary.confirm")),
                        new Button("sum:" + token + ":change", turn.say.t("summary.change")),
                        new Button("sum:" + token + ":cancel", turn.say.t("summary.cancel"))));
    }

    private static String token() {
        return Integer.toString(100_000 + RANDOM.nextInt(900_000), 36);
    }

    private void summaryTap(Turn turn, String token, String action) {
        var chat = turn.chat;
        String placed = chat.placedCheckouts.get(token);
        if (placed != null) {
            var order = ownOrder(turn, placed);
            turn.say.text(turn.say.t(
                    "order.already",
                    placed,
                    order.map(o -> status(turn, o.status())).orElse("")));
            return;
        }
        if (!token.equals(chat.checkoutToken)) {
            turn.say.text(turn.say.t("summary.stale"));
            reprompt(turn);
            return;
        }
        switch (action) {
            case "confirm" -> confirm(turn, token);
            case "change" -> {
                turn.step(Step.SUMMARY, "change");
                turn.say.list(
                        turn.say.t("change.body"),
                        turn.say.t("change.button"),
                        List.of(new Replies.Section(
                                turn.say.t("change.section"),
                                List.of(
                                        new Row("chg:addr", turn.say.t("change.address"), chat.addressText),
                                        new Row("chg:notes", turn.say.t("change.notes"), chat.notes),
                                        new Row("chg:pay", turn.say.t("change.payment"), null),
                                        new Row("chg:cart", turn.say.t("change.cart"), null)))));
            }
            default -> {
                chat.clearCart();
                turn.step(Step.HOME, "home");
                turn.say.text(turn.say.t("summary.cancelled"));
            }
        }
    }

    private void change(Turn turn, String what) {
        var chat = turn.chat;
        chat.checkoutToken = null;
        switch (what) {
            case "addr" -> {
                chat.latitude = null;
                chat.longitude = null;
                chat.addressText = null;
                askAddress(turn);
            }
            case "notes" -> askNotes(turn);
            case "pay" -> {
                chat.payment = null;
                chat.cashChangeForCop = null;
                askPayment(turn);
            }
            default -> editCart(turn);
        }
    }

    private void confirm(Turn turn, String token) {
        var chat = turn.chat;
        var restaurant = restaurants.find(new RestaurantId(chat.restaurantId)).orElse(null);
        if (restaurant == null || !takesOrders(turn, restaurant)) {
            return;
        }
        int before = chat.cart.size();
        var prices = chat.cart.stream().map(CartLine::basePriceCop).toList();
        if (!refreshCart(turn)) {
            return;
        }
        if (chat.cart.size() != before
                || !prices.equals(chat.cart.stream().map(CartLine::basePriceCop).toList())) {
            summary(turn);
            return;
        }
        var point = new GeoLocation(chat.latitude, chat.longitude);
        if (!restaurant.deliversTo(point)) {
            checkout(turn);
            return;
        }
        var m = turn.message;
        var draft = new Order.Draft(
                new Customer(m.key(), m.from().getWaId(), m.from().getUserId(), chat.name),
                restaurant,
                chat.cart.stream().map(CartLine::toOrderLine).toList(),
                chat.payment,
                chat.cashChangeForCop == null ? null : co.wpfoods.order.catalog.domain.Cop.of(chat.cashChangeForCop),
                new DeliveryAddress(chat.addressText, point),
                chat.notes,
                chat.language);
        switch (placing.place(draft)) {
            case PlacingOrder.Result.LimitReached limit ->
                turn.say.text(
                        limit.verdict() == OrderLimits.Verdict.HOURLY_LIMIT
                                ? turn.say.t("limit.hour", limit.limits().perHour())
                                : turn.say.t("limit.day", limit.limits().perDay()));
            case PlacingOrder.Result.Placed placed -> {
                var order = placed.order();
                chat.rememberPlaced(token, order.reference().value());
                chat.lastOrderRef = order.reference().value();
                chat.clearCart();
                chat.notes = null;
                turn.step(Step.TRACKING, "placed");
                turn.say.buttons(
                        turn.say.t(
                                order.status() == OrderStatus.AWAITING_PAYMENT ? "order.placed.card" : "order.placed",
                                order.reference().value(),
                                restaurant.name(),
                                turn.say.cop(order.totals().total().value()),
                                order.deliveryPin()),
                        placedButtons(turn, order.reference().value(), point));
            }
        }
    }

    // ---------------------------------------------------------------- after the order

    private Optional<Order> ownOrder(Turn turn, String reference) {
        if (reference == null || !reference.matches("\\d{4,12}")) {
            return Optional.empty();
        }
        return orders.find(new OrderReference(reference))
                .filter(o -> o.customer().key().equals(turn.message.key()));
    }

    private String status(Turn turn, OrderStatus status) {
        return turn.say.t("status." + status.name());
    }

    private void orderTap(Turn turn, String reference, String action) {
        var order = ownOrder(turn, reference);
        if (order.isEmpty()) {
            turn.say.text(turn.say.t("order.unknown"));
            reprompt(turn);
            return;
        }
        var o = order.get();
        switch (action) {
            case "cancel" -> {
                if (!o.customerMayCancel()) {
                    tooLate(turn, o);
                    return;
                }
                turn.step(Step.TRACKING, "cancel");
                turn.say.buttons(
                        turn.say.t("cancel.ask", reference),
                        List.of(
                                new Button("order:" + reference + ":cancelyes", turn.say.t("cancel.yes")),
                                new Button("order:" + reference + ":keep", turn.say.t("cancel.no"))));
            }
            case "cancelyes" -> {
                if (!o.customerMayCancel()) {
                    tooLate(turn, o);
                    return;
                }
                try {
                    lifecycle.move(
                            o, x -> x.cancel(CancellationReason.CUSTOMER_REQUEST, Actor.CUSTOMER, null, turn.now));
                    turn.step(Step.HOME, "home");
                } catch (IllegalTransitionException e) {
                    tooLate(turn, o);
                }
            }
            case "keep" -> {
                turn.say.text(turn.say.t("cancel.kept", reference));
                turn.step(Step.TRACKING, "tracking");
            }
            default -> track(turn, reference);
        }
    }

    private void tooLate(Turn turn, Order o) {
        turn.step(Step.TRACKING, "tracking");
        String key = o.status().isFinished() ? "order.already" : "cancel.too.late";
        turn.say.buttons(
                turn.say.t(key, o.reference().value(), status(turn, o.status())),
                List.of(
                        new Button("home:help", turn.say.t("home.help")),
                        new Button("order:" + o.reference() + ":track", turn.say.t("order.where"))));
    }

    private void cancelIntent(Turn turn) {
        var chat = turn.chat;
        var last = ownOrder(turn, chat.lastOrderRef);
        if (last.isPresent() && !last.get().status().isFinished()) {
            orderTap(turn, chat.lastOrderRef, "cancel");
            return;
        }
        if (!chat.cart.isEmpty()) {
            chat.clearCart();
            turn.say.text(turn.say.t("cart.cleared"));
            turn.step(Step.HOME, "home");
            return;
        }
        reprompt(turn);
    }

    private void track(Turn turn, String reference) {
        var order = ownOrder(turn, reference);
        if (order.isEmpty()) {
            turn.say.text(turn.say.t("order.none"));
            home(turn);
            return;
        }
        var o = order.get();
        String text = switch (o.status()) {
            case CONFIRMED, PREPARING ->
                turn.say.t(
                        "track.eta",
                        reference,
                        status(turn, o.status()),
                        o.estimatedReadyAt() == null
                                ? "—"
                                : o.estimatedReadyAt()
                                        .atZone(co.wpfoods.order.catalog.domain.OpeningHours.BOGOTA)
                                        .format(HOUR.withLocale(Replies.localeOf(turn.chat.language))));
            default -> turn.say.t("track.status", reference, status(turn, o.status()));
        };
        turn.step(o.status().isFinished() ? Step.HOME : Step.TRACKING, "tracking");
        if (o.customerMayCancel()) {
            turn.say.buttons(
                    text,
                    List.of(
                            new Button("order:" + reference + ":track", turn.say.t("order.refresh")),
                            new Button("order:" + reference + ":cancel", turn.say.t("order.cancel"))));
        } else {
            turn.say.buttons(
                    text,
                    List.of(
                            new Button("order:" + reference + ":track", turn.say.t("order.refresh")),
                            new Button("home:help", turn.say.t("home.help"))));
        }
    }

    private void askRating(Turn turn, String reference) {
        turn.step(Step.RATING, "rating");
        turn.say.list(
                turn.say.t("rating.ask", reference),
                turn.say.t("rating.button"),
                List.of(new Replies.Section(turn.say.t("rating.section"), ratingRows(turn, reference))));
    }

    static List<Row> ratingRows(Replies say, String reference) {
        var rows = new ArrayList<Row>();
        for (int n = 5; n >= 1; n--) {
            rows.add(new Row("rate:" + reference + ":" + n, "⭐".repeat(n), say.t("rating." + n)));
        }
        return rows;
    }

    private static List<Row> ratingRows(Turn turn, String reference) {
        return ratingRows(turn.say, reference);
    }

    private void rate(Turn turn, String reference, int stars) {
        var order = ownOrder(turn, reference);
        if (order.isEmpty() || order.get().status() != OrderStatus.DELIVERED) {
            turn.say.text(turn.say.t("rating.not.yet"));
            reprompt(turn);
            return;
        }
        if (order.get().rating() != null) {
            turn.say.text(turn.say.t("rating.already", reference));
            turn.step(Step.HOME, "home");
            return;
        }
        orders.save(order.get().rate(stars));
        turn.step(Step.HOME, "home");
        if (stars <= 2) {
            turn.say.text(turn.say.t("rating.thanks.low"));
            turn.step(Step.ASK_COMPLAINT, "complaint");
        } else {
            turn.say.text(turn.say.t("rating.thanks"));
            askPromotions(turn);
        }
    }

    /**
     * Once per customer, after a good rating (a pause after a delivered order, never in the middle of ordering):
     * do they want promotions? Not asked when they already decided (e.g. wrote "no más promociones" before).
     */
    private void askPromotions(Turn turn) {
        var chat = turn.chat;
        if (chat.marketingAskedAt != null
                || consents.marketing(turn.message.key()).isPresent()) {
            return;
        }
        chat.marketingAskedAt = turn.now;
        String language = turn.say.languageCode();
        turn.say.buttons(
                turn.say.t("promo.ask"),
                List.of(
                        new Button(PROMO_TAP + ":yes:" + language, turn.say.t("promo.yes")),
                        new Button(PROMO_TAP + ":no:" + language, turn.say.t("promo.no"))));
    }

    private void reorder(Turn turn, String reference) {
        var chat = turn.chat;
        var order = ownOrder(turn, reference);
        if (order.isEmpty()) {
            turn.say.text(turn.say.t("order.none"));
            askLocation(turn);
            return;
        }
        var o = order.get();
        var menu = restaurants.menuOf(o.restaurantId()).orElse(null);
        var lines = new ArrayList<CartLine>();
        for (OrderLine line : o.lines()) {
            var item = menu == null
                    ? Optional.<MenuItem>empty()
                    : menu.items().stream()
                            .filter(i -> i.itemId().equals(line.itemId()))
                            .findFirst();
            if (item.isPresent() && item.get().available()) {
                lines.add(new CartLine(
                        line.itemId(),
                        item.get().name(),
                        line.quantity(),
                        item.get().price().value(),
                        line.modifiers(),
                        line.note()));
            }
        }
        if (lines.isEmpty()) {
            turn.say.text(turn.say.t("reorder.nothing"));
            chooseRestaurant(turn, o.restaurantId().value());
            return;
        }
        chat.clearCart();
        chat.restaurantId = o.restaurantId().value();
        chat.cart = lines;
        if (o.address() != null && o.address().point() != null) {
            chat.latitude = o.address().point().latitude();
            chat.longitude = o.address().point().longitude();
            chat.addressText = o.address().text();
        }
        chat.payment = o.paymentMethod();
        chat.cashChangeForCop =
                o.cashChangeFor() == null ? null : o.cashChangeFor().value();
        checkout(turn);
    }

    private void askComplaint(Turn turn) {
        turn.step(Step.ASK_COMPLAINT, "complaint");
        turn.say.text(turn.say.t("complaint.ask"));
    }

    private void openTicket(Turn turn, SupportQueue.Kind kind, String text) {
        var last = ownOrder(turn, turn.chat.lastOrderRef);
        String id = support.open(
                turn.message.key(), last.map(o -> o.id().value()).orElse(null), kind, Replies.fit(text, 1000));
        turn.step(Step.HOME, "home");
        turn.say.text(turn.say.t(kind == SupportQueue.Kind.PRIVACY ? "privacy.ticket" : "complaint.ticket", id));
    }

    private String firstName(Turn turn) {
        String name = turn.chat.name != null ? turn.chat.name : turn.message.profileName();
        // the vocative comma of both languages: "¡Hola de nuevo, Laura!", "Welcome back, Laura!"
        return name == null || name.isBlank() ? "" : ", " + name.strip().split("\\s+")[0];
    }

    private static int parsePage(String text) {
        try {
            return Math.max(0, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
