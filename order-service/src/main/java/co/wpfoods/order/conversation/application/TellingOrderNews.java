package co.wpfoods.order.conversation.application;

import co.wpfoods.order.catalog.domain.OpeningHours;
import co.wpfoods.order.catalog.domain.Restaurant;
import co.wpfoods.order.ordering.application.OrderNotices;
import co.wpfoods.order.ordering.domain.Actor;
import co.wpfoods.order.ordering.domain.Order;
import co.wpfoods.order.ordering.domain.OrderEvent;
import co.wpfoods.order.ordering.domain.OrderLine;
import co.wpfoods.order.ordering.domain.OrderStatus;
import co.wpfoods.order.ordering.domain.PaymentMethod;
import co.wpfoods.schemas.wa.OutboundCommands;
import co.wpfoods.schemas.wa.WaId;
import co.wpfoods.schemas.wa.WaUser;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells the customer and the restaurant's staff what happened to an order, each in their language. Status messages
 * may leave long after the customer last wrote (a late delivery, the rating request), so each names an approved
 * template to fall back to outside the 24-hour window; so does the new-order alert to staff, with its quick replies.
 */
@Component
class TellingOrderNews implements OrderNotices {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("h:mm a");

    private final Chat chat;
    private final MessageSource messages;
    private final Conversations conversations;
    private final ConversationSettings settings;
    private final Clock clock;

    TellingOrderNews(
            Chat chat,
            MessageSource messages,
            Conversations conversations,
            ConversationSettings settings,
            Clock clock) {
        this.chat = chat;
        this.messages = messages;
        this.conversations = conversations;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void orderChanged(OrderEvent event, Restaurant restaurant) {
        Order o = event.order();
        String ref = o.reference().value();
        String cause = "order:" + ref + ":" + o.status() + ":" + o.history().size();
        switch (event) {
            case OrderEvent.Placed placed -> {
                if (o.status() == OrderStatus.PENDING) {
                    alertStaff(o, restaurant, cause, false);
                }
            }
            case OrderEvent.PaymentAccepted accepted -> {
                var say = customer(o, cause);
                say.text(say.t("notice.paid", ref, restaurant.name()));
                alertStaff(o, restaurant, cause, false);
            }
            case OrderEvent.Confirmed confirmed -> {
                var say = customer(o, cause);
                say.text(say.t(
                        "notice.confirmed",
                        restaurant.name(),
                        ref,
                        o.preparationMinutes(),
                        o.estimatedReadyAt()
                                .atZone(OpeningHours.BOGOTA)
                                .format(HOUR.withLocale(
                                        Replies.localeOf(language(o.customer().key()))))));
                eachStaff(
                        restaurant,
                        ref,
                        cause,
                        s -> s.buttons(
                                s.t("staff.confirmed", ref, o.lastMovedBy(), o.preparationMinutes()),
                                List.of(
                                        new Replies.Button("r:" + ref + ":preparing", s.t("staff.preparing")),
                                        new Replies.Button("r:" + ref + ":ready", s.t("staff.ready")))));
            }
            case OrderEvent.Preparing preparing -> {
                var say = customer(o, cause);
                say.text(say.t("notice.preparing", ref));
                eachStaff(
                        restaurant,
                        ref,
                        cause,
                        s -> s.buttons(
                                s.t("staff.preparing.done", ref, o.lastMovedBy()),
                                List.of(new Replies.Button("r:" + ref + ":ready", s.t("staff.ready")))));
            }
            case OrderEvent.Ready ready -> {
                var say = customer(o, cause);
                say.text(say.t("notice.ready", ref));
                eachStaff(restaurant, ref, cause, s -> s.text(s.t("staff.ready.done", ref, o.lastMovedBy())));
            }
            case OrderEvent.PickedUp picked -> {
                var say = customer(o, cause);
                say.text(say.t("notice.picked", picked.workerFirstName(), ref, o.deliveryPin()));
                if (picked.workerLocation() != null) {
                    say.location(
                            picked.workerLocation().latitude(),
                            picked.workerLocation().longitude(),
                            say.t("notice.picked.location", picked.workerFirstName()));
                }
                eachStaff(restaurant, ref, cause, s -> s.text(s.t("staff.picked", ref, picked.workerFirstName())));
            }
            case OrderEvent.Delivered delivered -> {
                var say = customerWith(o, cause, settings.ratingTemplate());
                say.list(
                        say.t("notice.delivered", ref),
                        say.t("rating.button"),
                        List.of(new Replies.Section(
                                say.t("rating.section"), ChattingWithCustomers.ratingRows(say, ref))));
            }
            case OrderEvent.Cancelled cancelled -> {
                var c = o.cancellation();
                var say = customer(o, cause);
                if (c.by() != Actor.CUSTOMER) {
                    say.text(say.t("notice.cancelled." + c.reason().name(), ref, restaurant.name()));
                } else {
                    say.text(say.t("notice.cancelled.by.you", ref));
                }
                if (c.previousStatus() != OrderStatus.AWAITING_PAYMENT) {
                    eachStaff(
                            restaurant,
                            ref,
                            cause,
                            s -> s.text(s.t(
                                    c.by() == Actor.RESTAURANT ? "staff.rejected" : "staff.cancelled",
                                    ref,
                                    s.t("reason." + c.reason().name()))));
                }
            }
        }
    }

    @Override
    public void news(Order o, Restaurant restaurant, OrderNews news) {
        String ref = o.reference().value();
        String cause = "news:" + ref + ":" + news.getClass().getSimpleName() + ":" + clock.millis();
        switch (news) {
            case OrderNews.WorkerAssigned assigned -> {
                var say = customer(o, cause);
                say.text(say.t("notice.assigned", assigned.workerFirstName(), ref));
            }
            case OrderNews.DeliveryDelayed delayed -> {
                var say = customer(o, cause);
                say.text(say.t("notice.delayed", ref, Math.max(1, delayed.waitingSeconds() / 60)));
            }
            case OrderNews.Refunded refunded -> {
                var say = customer(o, cause);
                say.text(say.t(
                        refunded.partial() ? "notice.refunded.partial" : "notice.refunded",
                        say.cop(refunded.amountCop()),
                        ref));
            }
            case OrderNews.RestaurantReminder reminder -> alertStaff(o, restaurant, cause, true);
        }
    }

    private void alertStaff(Order o, Restaurant restaurant, String cause, boolean reminder) {
        String ref = o.reference().value();
        eachStaff(restaurant, ref, cause, s -> {
            var body = new StringBuilder(s.t(reminder ? "staff.reminder" : "staff.new", ref));
            body.append("\n")
                    .append(s.t(
                            "staff.new.customer",
                            o.customer().firstName() == null
                                    ? "—"
                                    : o.customer().firstName(),
                            restaurant.zone() == null ? "—" : restaurant.zone()));
            for (OrderLine line : o.lines()) {
                body.append("\n• ").append(line.quantity()).append("× ").append(line.name());
                if (!line.modifiers().isEmpty()) {
                    body.append(" (")
                            .append(String.join(
                                    ", ",
                                    line.modifiers().stream()
                                            .map(OrderLine.ChosenModifier::name)
                                            .toList()))
                            .append(")");
                }
                if (line.note() != null) {
                    body.append(" [").append(line.note()).append("]");
                }
            }
            if (o.notes() != null) {
                body.append("\n").append(s.t("staff.new.notes", o.notes()));
            }
            body.append("\n")
                    .append(s.t(
                            "staff.new.total",
                            s.cop(o.totals().subtotal().value()),
                            s.t(o.paymentMethod() == PaymentMethod.CASH ? "payment.cash" : "payment.card")));
            s.withFallback(OutboundCommands.template(settings.restaurantNewOrderTemplate(), s.languageCode())
                            .bodyText(ref, summaryLine(o))
                            .quickReply(0, "r:" + ref + ":accept")
                            .quickReply(1, "r:" + ref + ":reject")
                            .build())
                    .buttons(
                            body.toString(),
                            List.of(
                                    new Replies.Button(
                                            "r:" + ref + ":accept", s.t("staff.accept", o.preparationMinutes())),
                                    new Replies.Button("r:" + ref + ":time", s.t("staff.other.time")),
                                    new Replies.Button("r:" + ref + ":reject", s.t("staff.reject"))));
        });
    }

    private static String summaryLine(Order o) {
        return String.join(
                ", ",
                o.lines().stream().map(l -> l.quantity() + "× " + l.name()).toList());
    }

    /**
     * Tells every staff member of the restaurant. The notices name the customer, so they are correlated with the order
     * ({@code order:<reference>}): the customer's erasure in messaging-service reaches them.
     */
    private void eachStaff(Restaurant restaurant, String ref, String cause, java.util.function.Consumer<Replies> say) {
        for (WaId staff : restaurant.staff()) {
            String language = conversations.language(staff.value()).orElse("es");
            var replies = new Replies(
                    chat,
                    messages,
                    WaUser.newBuilder().setWaId(staff.value()).build(),
                    language,
                    cause + ":" + staff.value(),
                    "order:" + ref,
                    clock.instant());
            say.accept(replies);
        }
    }

    private String language(String customerKey) {
        return conversations.language(customerKey).orElse("es");
    }

    /** Replies to the customer, falling back to the order-update template outside the 24-hour window. */
    private Replies customer(Order o, String cause) {
        return customerWith(o, cause, settings.orderUpdateTemplate());
    }

    private Replies customerWith(Order o, String cause, String template) {
        String language = language(o.customer().key());
        var to = WaUser.newBuilder()
                .setWaId(o.customer().waId())
                .setUserId(o.customer().userId())
                .build();
        var replies = new Replies(
                chat, messages, to, language, cause, "order:" + o.reference().value(), clock.instant());
        String status = replies.t("status." + o.status().name());
        return replies.withFallback(OutboundCommands.template(template, replies.languageCode())
                .bodyText(o.reference().value(), status)
                .build());
    }
}
