package co.wpfoods.dispatch.delivery.application;

import co.wpfoods.dispatch.delivery.domain.DispatchOrder;
import co.wpfoods.dispatch.delivery.domain.Offer;
import co.wpfoods.dispatch.delivery.domain.WorkerProfile;
import co.wpfoods.dispatch.delivery.domain.WorkerPrompt;
import co.wpfoods.schemas.wa.OutboundCommand;
import co.wpfoods.schemas.wa.OutboundCommands;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * What rapitenderos read: texts from {@code i18n/worker*.properties} in the worker's language, built with
 * {@link OutboundCommands} and sent through the {@link WorkerChat} port in the caller's transaction.
 * Offers and the welcome carry an approved template as fallback for a closed 24-hour window.
 */
@Component
public class WorkerMessages {

    /** Reply ids of taps (buttons, list rows, template quick replies). */
    public static final String CONFIRM = "welcome:confirm";

    public static final String ONLINE = "worker:online";
    public static final String OFFLINE = "worker:offline";
    public static final String EARNINGS = "worker:earnings";
    public static final String HELP = "worker:help";
    public static final String PROBLEM = "worker:problem";

    private final WorkerChat chat;
    private final DispatchSettings settings;
    private final WorkerRoster roster;
    private final DispatchClock clock;
    private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();

    WorkerMessages(WorkerChat chat, DispatchSettings settings, WorkerRoster roster, DispatchClock clock) {
        this.chat = chat;
        this.settings = settings;
        this.roster = roster;
        this.clock = clock;
        texts.setBasename("i18n/worker");
        texts.setDefaultEncoding("UTF-8");
        texts.setFallbackToSystemLocale(false);
    }

    public static String accept(String offerId) {
        return "offer:" + offerId + ":accept";
    }

    public static String decline(String offerId) {
        return "offer:" + offerId + ":decline";
    }

    public static String pickedUp(String orderId) {
        return "delivery:" + orderId + ":picked";
    }

    public static String delivered(String orderId) {
        return "delivery:" + orderId + ":delivered";
    }

    public static String problem(String orderId, String kind) {
        return "problem:" + orderId + ":" + kind;
    }

    public String text(WorkerProfile worker, String key, Object... args) {
        return texts.getMessage(key, args, worker.locale());
    }

    public String money(WorkerProfile worker, long cop) {
        boolean english = "en".equals(worker.locale().getLanguage());
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator(english ? ',' : '.');
        String amount = new DecimalFormat("#,##0", symbols).format(cop);
        return english ? "COP " + amount : "$" + amount;
    }

    public void say(WorkerProfile worker, String correlation, String key, Object... args) {
        send(worker, draft(worker, correlation).text(text(worker, key, args)));
    }

    public void welcome(WorkerProfile worker) {
        var fallback = OutboundCommands.template(settings.welcomeTemplate(), language(worker))
                .bodyText(worker.firstName())
                .quickReply(0, CONFIRM)
                .build();
        send(
                worker,
                draft(worker, "worker:" + worker.workerId())
                        .commandId("dispatch-welcome-" + worker.workerId())
                        .fallbackTemplate(fallback)
                        .buttons(b -> b.body(text(worker, "welcome", worker.firstName()))
                                .button(CONFIRM, text(worker, "btn.confirm"))));
    }

    public void confirmed(WorkerProfile worker) {
        send(
                worker,
                draft(worker, "worker:" + worker.workerId())
                        .buttons(b -> b.body(text(worker, "confirmed", worker.firstName()))
                                .button(ONLINE, text(worker, "btn.online"))
                                .button(HELP, text(worker, "btn.help"))));
    }

    public void reinstated(WorkerProfile worker) {
        send(
                worker,
                draft(worker, "worker:" + worker.workerId())
                        .buttons(b -> b.body(text(worker, "reinstated", worker.firstName()))
                                .button(ONLINE, text(worker, "btn.online"))
                                .button(HELP, text(worker, "btn.help"))));
    }

    public void askLocation(WorkerProfile worker, String key) {
        askLocationWith(worker, text(worker, key));
    }

    /** A location request with a body already written. */
    public void askLocationWith(WorkerProfile worker, String body) {
        send(worker, draft(worker, "worker:" + worker.workerId()).locationRequest(body));
    }

    /** A button a worker can tap: its reply id and the bundle key of its title. */
    public record Option(String id, String titleKey) {}

    /** A text with up to three buttons. */
    public void prompt(WorkerProfile worker, String correlation, String body, List<Option> options) {
        send(worker, draft(worker, correlation).buttons(b -> {
            b.body(body);
            options.forEach(option -> b.button(option.id(), text(worker, option.titleKey())));
        }));
    }

    public void online(WorkerProfile worker, String key) {
        send(
                worker,
                draft(worker, "worker:" + worker.workerId())
                        .buttons(b -> b.body(text(worker, key))
                                .button(OFFLINE, text(worker, "btn.offline"))
                                .button(EARNINGS, text(worker, "btn.earnings"))));
    }

    public void offer(WorkerProfile worker, Offer offer, DispatchOrder order, Instant now) {
        String area =
                order.zone() == null ? order.restaurantName() : order.restaurantName() + " (" + order.zone() + ")";
        String km = String.format(Locale.ROOT, "%.1f", offer.distanceMeters() / 1000.0);
        String pay = money(worker, offer.estimatedPayCop());
        long seconds = Math.max(1, offer.expiresAt().getEpochSecond() - now.getEpochSecond());
        String body = text(worker, "offer.body", order.reference(), area, km, pay, seconds) + cashLine(worker, order);
        var fallback = OutboundCommands.template(settings.offerTemplate(), language(worker))
                .bodyText(order.reference(), area, km, pay)
                .quickReply(0, accept(offer.offerId()))
                .quickReply(1, decline(offer.offerId()))
                .build();
        send(
                worker,
                draft(worker, about(order.orderId()))
                        .commandId("dispatch-offer-" + offer.offerId())
                        .fallbackTemplate(fallback)
                        .buttons(b -> b.body(body)
                                .button(accept(offer.offerId()), text(worker, "btn.accept"))
                                .button(decline(offer.offerId()), text(worker, "btn.decline"))));
    }

    /** A cash order tells the worker what to collect, and the change to bring when the customer said the bill. */
    private String cashLine(WorkerProfile worker, DispatchOrder order) {
        if (!"CASH".equals(order.paymentMethod())) {
            return "";
        }
        if (order.cashChangeForCop() == null) {
            return text(worker, "offer.cash", money(worker, order.totalCop()));
        }
        return text(
                worker,
                "offer.change",
                money(worker, order.cashChangeForCop()),
                money(worker, Math.max(0, order.cashChangeForCop() - order.totalCop())));
    }

    public void accepted(WorkerProfile worker, DispatchOrder order) {
        send(
                worker,
                draft(worker, about(order.orderId()))
                        .text(text(
                                worker,
                                "offer.accepted",
                                order.reference(),
                                order.restaurantName(),
                                order.pickupAddress())));
        if (order.pickupPoint() != null) {
            send(
                    worker,
                    draft(worker, about(order.orderId()))
                            .location(
                                    order.pickupPoint().latitude(),
                                    order.pickupPoint().longitude(),
                                    order.restaurantName(),
                                    order.pickupAddress()));
        }
        send(
                worker,
                draft(worker, about(order.orderId()))
                        .buttons(b -> b.body("#" + order.reference())
                                .button(pickedUp(order.orderId()), text(worker, "btn.picked"))
                                .button(PROBLEM, text(worker, "btn.problem"))));
    }

    public void pickedUp(WorkerProfile worker, DispatchOrder order) {
        String body = text(worker, "picked", order.reference(), customer(worker, order), order.deliveryAddress());
        if ("CASH".equals(order.paymentMethod())) {
            body += order.cashChangeForCop() == null
                    ? text(worker, "picked.collect", money(worker, order.totalCop()))
                    : text(
                            worker,
                            "picked.cash",
                            money(worker, order.totalCop()),
                            money(worker, order.cashChangeForCop()),
                            money(worker, Math.max(0, order.cashChangeForCop() - order.totalCop())));
        }
        send(worker, draft(worker, about(order.orderId())).text(body));
        if (order.deliveryPoint() != null) {
            send(
                    worker,
                    draft(worker, about(order.orderId()))
                            .location(
                                    order.deliveryPoint().latitude(),
                                    order.deliveryPoint().longitude(),
                                    customer(worker, order),
                                    order.deliveryAddress()));
        }
        send(
                worker,
                draft(worker, about(order.orderId()))
                        .buttons(b -> b.body("#" + order.reference())
                                .button(delivered(order.orderId()), text(worker, "btn.delivered"))
                                .button(PROBLEM, text(worker, "btn.problem"))));
    }

    public void problemMenu(WorkerProfile worker, DispatchOrder order) {
        send(
                worker,
                draft(worker, about(order.orderId()))
                        .list(l -> l.body(text(worker, "problem.menu", order.reference()))
                                .listButton(text(worker, "problem.button"))
                                .section("#" + order.reference(), s -> {
                                    for (String kind : List.of("CUSTOMER_UNREACHABLE", "WRONG_ADDRESS", "OTHER")) {
                                        s.row(problem(order.orderId(), kind), text(worker, "problem." + kind), null);
                                    }
                                })));
    }

    public void help(WorkerProfile worker, boolean online, String key) {
        send(
                worker,
                draft(worker, "worker:" + worker.workerId())
                        .list(l -> l.body(text(worker, key))
                                .listButton(text(worker, "help.button"))
                                .section(text(worker, "btn.help"), s -> {
                                    s.row(
                                            online ? OFFLINE : ONLINE,
                                            text(worker, online ? "btn.offline" : "btn.online"),
                                            null);
                                    s.row(EARNINGS, text(worker, "btn.earnings"), null);
                                    s.row(PROBLEM, text(worker, "btn.problem"), null);
                                })));
    }

    public String customer(WorkerProfile worker, DispatchOrder order) {
        return order.customerFirstName() == null ? text(worker, "customer.unknown") : order.customerFirstName();
    }

    private static String language(WorkerProfile worker) {
        return "en".equals(worker.locale().getLanguage()) ? "en" : "es";
    }

    /**
     * The correlation of a notice about an order ({@code order:<order id>}). Such notices may name the customer and
     * their address, so the customer's erasure in messaging-service, which looks them up by the order, reaches them.
     */
    public static String about(String orderId) {
        return "order:" + orderId;
    }

    private OutboundCommands.Draft draft(WorkerProfile worker, String correlation) {
        return OutboundCommands.to(worker.waId())
                .commandId("dispatch-" + UUID.randomUUID())
                .correlationId(correlation);
    }

    /**
     * Sends the command; a question (buttons, a list, a location request) is also kept as the worker's
     * last prompt, the context a short typed reply is read against.
     */
    private void send(WorkerProfile worker, OutboundCommand command) {
        var interactive = command.getInteractive();
        if (interactive != null) {
            List<String> ids = new ArrayList<>();
            List<String> titles = new ArrayList<>();
            interactive.getButtons().forEach(b -> {
                ids.add(b.getId());
                titles.add(b.getTitle());
            });
            interactive
                    .getSections()
                    .forEach(section -> section.getRows().forEach(r -> {
                        ids.add(r.getId());
                        titles.add(r.getTitle());
                    }));
            String body = interactive.getBody() == null ? "" : interactive.getBody();
            roster.rememberPrompt(worker.workerId(), WorkerPrompt.of(body, ids, titles, clock.now()));
        }
        chat.send(command);
    }
}
