package co.wpfoods.order.conversation.application;

import co.wpfoods.order.catalog.application.ChangingStore;
import co.wpfoods.order.catalog.application.PublishingMenu;
import co.wpfoods.order.catalog.application.Restaurants;
import co.wpfoods.order.catalog.domain.Cop;
import co.wpfoods.order.catalog.domain.Menu;
import co.wpfoods.order.catalog.domain.MenuItem;
import co.wpfoods.order.catalog.domain.OpeningHours;
import co.wpfoods.order.catalog.domain.Restaurant;
import co.wpfoods.order.conversation.application.Replies.Button;
import co.wpfoods.order.conversation.application.Replies.Row;
import co.wpfoods.order.conversation.application.Understanding.Understood;
import co.wpfoods.order.conversation.domain.Input;
import co.wpfoods.order.conversation.domain.StaffChat;
import co.wpfoods.order.ordering.application.AnsweringOrders;
import co.wpfoods.order.ordering.application.ConcurrentOrderChangeException;
import co.wpfoods.order.ordering.application.Orders;
import co.wpfoods.order.ordering.domain.IllegalTransitionException;
import co.wpfoods.order.ordering.domain.Order;
import co.wpfoods.order.ordering.domain.OrderReference;
import co.wpfoods.order.ordering.domain.OrderStatus;
import co.wpfoods.order.ordering.domain.Sales;
import co.wpfoods.order.ordering.domain.SalesSeries;
import co.wpfoods.schemas.wa.WaId;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The restaurant conversation: staff answer new orders (accept with their usual or another preparation time, reject
 * with a reason), mark them preparing and ready by button or text ("listo el 1042"), pause and resume the store, and
 * switch items off and on or change a price ("se acabó el ajiaco", "la limonada ahora a 6 mil"), and ask for the
 * sales of today or this week ("ventas hoy", "ventas semana"). Any staff number of
 * the restaurant may answer; the first answer wins and the others are told who took it.
 */
@Service
public class ChattingWithRestaurants {

    private static final Pattern ORDER_COMMAND = Pattern.compile(
            "\\b(acept\\w*|accept\\w*|ok|listo|lista|ready|preparando|preparing|rechaz\\w*|reject\\w*)\\b\\D{0,20}#?(\\d{4,12})"
                    + "(?:\\D{0,12}(\\d{1,3})\\s*min)?",
            Pattern.CASE_INSENSITIVE);
    /**
     * The number first, the way staff also write it: "el 1042 ya está listo", "1042 aceptado, 20 min" (never across a
     * "no": "1042 no lo acepto" is not an acceptance).
     */
    private static final Pattern ORDER_COMMAND_NUMBER_FIRST = Pattern.compile(
            "#?\\b(\\d{4,12})\\b(?:(?!\\bno\\b|\\bnot\\b|n't\\b)\\D){0,20}?\\b(acept\\w*|accept\\w*|listo|lista|ready|preparando|preparing|rechaz\\w*"
                    + "|reject\\w*)\\b(?:\\D{0,12}(\\d{1,3})\\s*min)?",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern PAUSE =
            Pattern.compile("\\b(pausa\\w*|cerra\\w* (la )?tienda|pause)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern RESUME =
            Pattern.compile("\\b(reanud\\w*|abri\\w* (la )?tienda|resume|abrir)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SALES =
            Pattern.compile("\\b(ventas?|vendimos|sales)\\b(?:.*\\b(semana\\w*|week\\w*))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern WEEK = Pattern.compile("\\b(semana\\w*|week\\w*)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENGLISH = Pattern.compile(
            "\\b(english( please)?|in english|accept\\w*|ready|reject\\w*|sales|this week|pause|resume|out of|now at)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SPANISH = Pattern.compile(
            "\\b(espa[nñ]ol|acept\\w*|listo|lista|rechaz\\w*|ventas?|semana|pausa\\w*|abrir|se acab\\w*|ahora a)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final int SALES_PAGE = 100;
    /** A staff member's name as their WhatsApp profile gives it, whole ("Doña Gloria Pérez"), up to this length. */
    private static final int STAFF_NAME = 60;

    private static final int TOP_ITEMS = 3;
    /** Today's chart shows at least this many hours, ending at the current one. */
    private static final int CHART_MIN_HOURS = 6;

    private static final List<Integer> TIMES = List.of(10, 15, 20, 30, 45, 60);
    private static final List<String> REASONS = List.of("NO_STOCK", "TOO_BUSY", "CLOSING", "OTHER");

    private final Conversations conversations;
    private final Chat chat;
    private final MessageSource messages;
    private final Restaurants restaurants;
    private final Orders orders;
    private final AnsweringOrders answering;
    private final ChangingStore changingStore;
    private final PublishingMenu publishing;
    private final Clock clock;
    private final SalesCharts charts;
    private final MediaUploads media;
    private final HandlingComplaints complaints;

    public ChattingWithRestaurants(
            Conversations conversations,
            Chat chat,
            MessageSource messages,
            Restaurants restaurants,
            Orders orders,
            AnsweringOrders answering,
            ChangingStore changingStore,
            PublishingMenu publishing,
            Clock clock,
            SalesCharts charts,
            MediaUploads media,
            HandlingComplaints complaints) {
        this.conversations = conversations;
        this.chat = chat;
        this.messages = messages;
        this.restaurants = restaurants;
        this.orders = orders;
        this.answering = answering;
        this.changingStore = changingStore;
        this.publishing = publishing;
        this.clock = clock;
        this.charts = charts;
        this.media = media;
        this.complaints = complaints;
    }

    /** The context ai-service gets for a staff member's text. */
    public Understanding.Request contextFor(CustomerMessage message, String text) {
        String restaurantId = staffOf(message).map(r -> r.id().value()).orElse(null);
        String language = conversations
                .language(message.key())
                .map(l -> "en".equals(l) ? "en" : "es-CO")
                .orElse("es-CO");
        return new Understanding.Request(
                "RESTAURANT", language, text, restaurantId, List.of(), null, "restaurant:" + restaurantId);
    }

    /** Staff are answered in the language of their last command ("sales this week", "ventas hoy"), else as before. */
    static String languageOf(String text, String current) {
        boolean english = ENGLISH.matcher(text).find();
        boolean spanish = SPANISH.matcher(text).find();
        if (english != spanish) {
            return english ? "en" : "es";
        }
        return current;
    }

    private Optional<Restaurant> staffOf(CustomerMessage message) {
        String waId = message.from().getWaId();
        if (waId == null || !waId.matches("\\d{7,15}")) {
            return Optional.empty();
        }
        return restaurants.staffedBy(new WaId(waId)).flatMap(restaurants::find);
    }

    public void handle(CustomerMessage message, Optional<Understood> understood) {
        if (message.rateLimited()) {
            return;
        }
        StaffChat state = conversations.staff(message.key()).orElseGet(StaffChat::new);
        if (message.input() instanceof Input.Text text) {
            state.language = languageOf(text.body(), state.language);
        }
        var say = new Replies(
                chat,
                messages,
                message.from(),
                state.language,
                message.messageId(),
                "staff:" + message.key(),
                clock.instant());
        var restaurant = staffOf(message);
        if (restaurant.isEmpty()) {
            say.text(say.t("staff.unknown"));
            return;
        }
        var turn = new Turn(message, state, restaurant.get(), say, understood);
        switch (message.input()) {
            case Input.Tap tap -> tap(turn, tap);
            case Input.Text text -> text(turn, text.body());
            default -> help(turn);
        }
        conversations.save(message.key(), state);
    }

    private record Turn(
            CustomerMessage message,
            StaffChat state,
            Restaurant restaurant,
            Replies say,
            Optional<Understood> understood) {
        String who() {
            String name = message.profileName();
            String waId = message.from().getWaId();
            return name != null && !name.isBlank()
                    ? Replies.fit(name.strip().replaceAll("\\s+", " "), STAFF_NAME)
                    : "…" + waId.substring(Math.max(0, waId.length() - 4));
        }
    }

    private void tap(Turn turn, Input.Tap tap) {
        if (tap.kind().equals("store")) {
            boolean pause = tap.part(1).equals("pause");
            changingStore.change(turn.restaurant().id(), s -> s.withPaused(pause));
            turn.say().text(turn.say().t(pause ? "store.paused" : "store.resumed"));
            return;
        }
        if (tap.kind().equals(HandlingComplaints.TAP)) {
            complaints.staffAnswer(turn.restaurant(), turn.say(), tap.part(1), tap.part(2), turn.who());
            return;
        }
        if (!tap.kind().equals("r")) {
            help(turn);
            return;
        }
        String ref = tap.part(1);
        String action = tap.part(2);
        String arg = tap.part(3);
        switch (action) {
            case "accept" ->
                withOrder(turn, ref, o -> answering.accept(o, arg.isEmpty() ? null : parse(arg), turn.who()));
            case "time" -> askTime(turn, ref);
            case "reject" -> {
                if (arg.isEmpty()) {
                    askReason(turn, ref);
                } else {
                    withOrder(turn, ref, o -> answering.reject(o, turn.say().t("reason.text." + arg)));
                }
            }
            case "preparing" -> withOrder(turn, ref, o -> answering.preparing(o, turn.who()));
            case "ready" -> withOrder(turn, ref, o -> answering.ready(o, turn.who()));
            default -> help(turn);
        }
    }

    private void text(Turn turn, String body) {
        Matcher command = ORDER_COMMAND.matcher(body);
        Matcher numberFirst = ORDER_COMMAND_NUMBER_FIRST.matcher(body);
        boolean verbFirst = command.find();
        if (verbFirst || numberFirst.find()) {
            String verb = (verbFirst ? command.group(1) : numberFirst.group(2)).toLowerCase(java.util.Locale.ROOT);
            String ref = verbFirst ? command.group(2) : numberFirst.group(1);
            String time = verbFirst ? command.group(3) : numberFirst.group(3);
            Integer minutes = time == null ? null : Integer.valueOf(time);
            if (verb.startsWith("rechaz") || verb.startsWith("reject")) {
                askReason(turn, ref);
            } else if (verb.startsWith("prepar")) {
                withOrder(turn, ref, o -> answering.preparing(o, turn.who()));
            } else if (verb.startsWith("list") || verb.equals("ready")) {
                withOrder(turn, ref, ready(turn));
            } else {
                withOrder(turn, ref, o -> answering.accept(o, minutes, turn.who()));
            }
            return;
        }
        Matcher sales = SALES.matcher(body);
        if (sales.find()) {
            tellSales(turn, sales.group(2) != null);
            return;
        }
        if (PAUSE.matcher(body).find()) {
            changingStore.change(turn.restaurant().id(), s -> s.withPaused(true));
            turn.say().text(turn.say().t("store.paused"));
            return;
        }
        if (RESUME.matcher(body).find()) {
            changingStore.change(turn.restaurant().id(), s -> s.withPaused(false));
            turn.say().text(turn.say().t("store.resumed"));
            return;
        }
        var u = turn.understood().orElse(null);
        if (u != null && u.intent() != null) {
            switch (u.intent()) {
                case "item_off", "item_on" -> {
                    boolean on = u.intent().equals("item_on");
                    if (changeItems(turn, u, item -> item.withAvailable(on))) {
                        turn.say().text(turn.say().t(on ? "menu.item.on" : "menu.item.off", names(u)));
                        return;
                    }
                }
                case "price_change" -> {
                    if (u.priceCop() != null && u.priceCop() > 0 && u.items().size() == 1) {
                        long price = u.priceCop();
                        if (changeItems(turn, u, item -> item.withPrice(Cop.of(price)))) {
                            turn.say()
                                    .text(turn.say()
                                            .t(
                                                    "menu.price",
                                                    names(u),
                                                    turn.say().cop(price)));
                            return;
                        }
                    }
                }
                case "order_accept", "order_reject", "order_ready" -> {
                    answer(turn, u);
                    return;
                }
                case "sales" -> {
                    tellSales(turn, WEEK.matcher(body).find());
                    return;
                }
                case "pause" -> {
                    changingStore.change(turn.restaurant().id(), s -> s.withPaused(true));
                    turn.say().text(turn.say().t("store.paused"));
                    return;
                }
                case "resume" -> {
                    changingStore.change(turn.restaurant().id(), s -> s.withPaused(false));
                    turn.say().text(turn.say().t("store.resumed"));
                    return;
                }
                default -> {}
            }
        }
        help(turn);
    }

    /** Ready from any open state: an order still pending is accepted with the usual time on the way. */
    private Function<Order, Order> ready(Turn turn) {
        return o -> o.status() == OrderStatus.PENDING
                ? answering.ready(answering.accept(o, null, turn.who()), turn.who())
                : answering.ready(o, turn.who());
    }

    /**
     * An answer ai-service read in the staff's own words ("dale, confirmo el de Camila", "ya salió el pedido"). With
     * the order's number it acts as the buttons would; without one it acts on the only order waiting for that answer,
     * or lists the open ones to tap when there are several.
     */
    private void answer(Turn turn, Understood u) {
        String action = switch (u.intent()) {
            case "order_accept" -> "accept";
            case "order_reject" -> "reject";
            default -> "ready";
        };
        String ref = u.orderReference() == null ? null : u.orderReference().replaceAll("\\D", "");
        if (ref == null || ref.isEmpty()) {
            List<Order> open = waiting(turn, action);
            var say = turn.say();
            if (open.isEmpty()) {
                say.text(say.t("staff.which.none." + action));
                return;
            }
            if (open.size() > 1) {
                var rows = new ArrayList<Row>();
                for (Order o : open) {
                    String lines = String.join(
                            ", ",
                            o.lines().stream()
                                    .map(l -> l.quantity() + "× " + l.name())
                                    .toList());
                    rows.add(new Row(
                            "r:" + o.reference().value() + ":" + action,
                            "#" + o.reference().value(),
                            Replies.fit(lines, Replies.ROW_DESCRIPTION)));
                }
                say.list(
                        say.t("staff.which." + action),
                        say.t("staff.which.button"),
                        List.of(new Replies.Section(say.t("staff.which.section"), rows)));
                return;
            }
            ref = open.getFirst().reference().value();
        }
        switch (action) {
            case "accept" -> withOrder(turn, ref, o -> answering.accept(o, null, turn.who()));
            case "reject" -> askReason(turn, ref);
            default -> withOrder(turn, ref, ready(turn));
        }
    }

    /** The restaurant's orders of the last day waiting for this answer, oldest first, as many as a list shows. */
    private List<Order> waiting(Turn turn, String action) {
        var now = clock.instant();
        var statuses = action.equals("ready")
                ? List.of(OrderStatus.CONFIRMED, OrderStatus.PREPARING)
                : List.of(OrderStatus.PENDING);
        var open = new ArrayList<Order>();
        for (OrderStatus status : statuses) {
            open.addAll(orders.ofRestaurant(
                    turn.restaurant().id(),
                    status,
                    now.minus(java.time.Duration.ofDays(1)),
                    now.plusSeconds(1),
                    0,
                    Replies.LIST_ROWS));
        }
        open.sort(java.util.Comparator.comparing(Order::placedAt));
        return open.subList(0, Math.min(open.size(), Replies.LIST_ROWS));
    }

    /** Today (since midnight in Bogotá) or this week (since Monday) of the staff's restaurant. */
    private void tellSales(Turn turn, boolean week) {
        var now = clock.instant();
        var today = now.atZone(OpeningHours.BOGOTA).toLocalDate();
        var since = (week ? today.with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : today)
                .atStartOfDay(OpeningHours.BOGOTA)
                .toInstant();
        var placed = new ArrayList<Order>();
        for (int page = 0; ; page++) {
            var one = orders.ofRestaurant(turn.restaurant().id(), null, since, now.plusSeconds(1), page, SALES_PAGE);
            placed.addAll(one);
            if (one.size() < SALES_PAGE) {
                break;
            }
        }
        var say = turn.say();
        var sales = Sales.of(placed, TOP_ITEMS);
        String period = say.t(week ? "sales.week" : "sales.today");
        if (sales.orders() == 0) {
            say.text(say.t("sales.none", period));
            return;
        }
        var top = sales.topItems().stream()
                .map(i -> say.t("sales.top.item", i.name(), i.units()))
                .toList();
        chart(turn, week, placed, today);
        say.text(say.t("sales.summary", period, sales.orders(), say.cop(sales.totalCop()), String.join(", ", top)));
    }

    /**
     * The period's chart (food total per hour today, per day this week), drawn here and uploaded through
     * messaging-service; sent before the summary. When the upload fails the summary goes alone.
     */
    private void chart(Turn turn, boolean week, List<Order> placed, java.time.LocalDate today) {
        var say = turn.say();
        var locale = Replies.localeOf(turn.state().language);
        var bars = new ArrayList<SalesCharts.Bar>();
        if (week) {
            var monday = today.with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            var series = SalesSeries.byDay(placed, monday, monday.plusDays(6), OpeningHours.BOGOTA);
            for (var slice : series.slices()) {
                var day = monday.plusDays(slice.index()).getDayOfWeek();
                bars.add(new SalesCharts.Bar(day.getDisplayName(TextStyle.SHORT, locale), slice.totalCop()));
            }
        } else {
            int now = clock.instant().atZone(OpeningHours.BOGOTA).getHour();
            int first = placed.stream()
                    .filter(o -> o.placedAt()
                            .atZone(OpeningHours.BOGOTA)
                            .toLocalDate()
                            .equals(today))
                    .mapToInt(o -> o.placedAt().atZone(OpeningHours.BOGOTA).getHour())
                    .min()
                    .orElse(now);
            first = Math.max(0, Math.min(first, now - CHART_MIN_HOURS + 1));
            var series = SalesSeries.byHour(placed, today, first, now, OpeningHours.BOGOTA);
            for (var slice : series.slices()) {
                bars.add(new SalesCharts.Bar(say.t("sales.chart.hour", slice.index()), slice.totalCop()));
            }
        }
        String title = say.t(week ? "sales.chart.title.week" : "sales.chart.title.today");
        byte[] png = charts.png(title, say.t("sales.chart.axis"), bars);
        media.upload(png, "image/png", week ? "ventas-semana.png" : "ventas-hoy.png")
                .ifPresent(id -> say.image(id, title));
    }

    private static String names(Understood u) {
        return String.join(
                ", ", u.items().stream().map(Understanding.Mention::name).toList());
    }

    private boolean changeItems(Turn turn, Understood u, Function<MenuItem, MenuItem> change) {
        var id = turn.restaurant().id();
        Menu menu = restaurants.menuOf(id).orElse(null);
        if (menu == null || u.items().isEmpty()) {
            return false;
        }
        var ids = u.items().stream().map(Understanding.Mention::itemId).toList();
        boolean any = false;
        var items = new ArrayList<MenuItem>();
        for (MenuItem item : menu.items()) {
            if (ids.contains(item.itemId())) {
                items.add(change.apply(item));
                any = true;
            } else {
                items.add(item);
            }
        }
        if (any) {
            publishing.publish(id, menu.open(), items);
        }
        return any;
    }

    private void withOrder(Turn turn, String ref, Function<Order, Order> action) {
        var say = turn.say();
        Optional<Order> found = ref.matches("\\d{4,12}") ? orders.find(new OrderReference(ref)) : Optional.empty();
        if (found.isEmpty()
                || !found.get().restaurantId().equals(turn.restaurant().id())) {
            say.text(say.t("staff.order.unknown", ref));
            return;
        }
        try {
            action.apply(found.get());
            // the staff (all of them) hear about the move from the order's notices
        } catch (IllegalTransitionException | ConcurrentOrderChangeException e) {
            var now = orders.find(new OrderReference(ref)).orElseThrow();
            String who = now.lastMovedBy() == null ? "—" : now.lastMovedBy();
            say.text(say.t(
                    "staff.order.taken", ref, say.t("status." + now.status().name()), who));
        } catch (IllegalArgumentException e) {
            askTime(turn, ref);
        }
    }

    private void askTime(Turn turn, String ref) {
        var say = turn.say();
        var rows = new ArrayList<Row>();
        for (int minutes : TIMES) {
            rows.add(new Row("r:" + ref + ":accept:" + minutes, say.t("staff.minutes", minutes), null));
        }
        turn.state().orderRef = ref;
        turn.state().question = "time";
        say.list(
                say.t("staff.time.ask", ref),
                say.t("staff.time.button"),
                List.of(new Replies.Section(say.t("staff.time.section"), rows)));
    }

    private void askReason(Turn turn, String ref) {
        var say = turn.say();
        var rows = new ArrayList<Row>();
        for (String reason : REASONS) {
            rows.add(new Row("r:" + ref + ":reject:" + reason, say.t("reason.text." + reason), null));
        }
        turn.state().orderRef = ref;
        turn.state().question = "reason";
        say.list(
                say.t("staff.reason.ask", ref),
                say.t("staff.reason.button"),
                List.of(new Replies.Section(say.t("staff.reason.section"), rows)));
    }

    private void help(Turn turn) {
        var say = turn.say();
        var paused = turn.restaurant().store().paused();
        say.buttons(
                say.t("staff.help", turn.restaurant().name()),
                List.of(
                        paused
                                ? new Button("store:resume", say.t("store.resume"))
                                : new Button("store:pause", say.t("store.pause"))));
    }

    private static Integer parse(String minutes) {
        try {
            return Integer.valueOf(minutes);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
