package co.wpfoods.order.conversation.application;

import co.wpfoods.order.catalog.application.Restaurants;
import co.wpfoods.order.catalog.domain.Restaurant;
import co.wpfoods.order.conversation.domain.CustomerChat;
import co.wpfoods.order.conversation.domain.Step;
import co.wpfoods.order.ordering.application.Orders;
import co.wpfoods.order.ordering.domain.Order;
import co.wpfoods.order.ordering.domain.OrderId;
import co.wpfoods.order.ordering.domain.OrderReference;
import co.wpfoods.order.support.application.SupportQueue;
import co.wpfoods.order.support.domain.ComplaintKind;
import co.wpfoods.schemas.wa.WaId;
import co.wpfoods.schemas.wa.WaUser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A customer's complaint about their last order goes to whoever can fix it. The kind is read from the complaint's words
 * ({@link ComplaintKind#of}); when they name none or several, the customer taps the kind from a list. Kitchen matters
 * (an item missing, a wrong item, cold or badly made food) go to every staff number of the order's restaurant with
 * "Lo resolvemos" / "Pasar a soporte" (the first answer wins); the rest (late delivery, the rapitendero, payment,
 * anything else), and any complaint without an order, go to ops' support queue. Either way a ticket is kept with its
 * kind and where it went.
 */
@Component
class HandlingComplaints {

    static final String TAP = "cmp";

    private final SupportQueue support;
    private final Orders orders;
    private final Restaurants restaurants;
    private final Chat chat;
    private final MessageSource messages;
    private final Conversations conversations;
    private final Clock clock;

    HandlingComplaints(
            SupportQueue support,
            Orders orders,
            Restaurants restaurants,
            Chat chat,
            MessageSource messages,
            Conversations conversations,
            Clock clock) {
        this.support = support;
        this.orders = orders;
        this.restaurants = restaurants;
        this.chat = chat;
        this.messages = messages;
        this.conversations = conversations;
        this.clock = clock;
    }

    /** The customer wrote their complaint: route it when its words say the kind, else ask for the kind. */
    void complaint(CustomerChat state, String customerKey, Replies say, String text) {
        var kind = ComplaintKind.of(text);
        var order = lastOrder(state, customerKey);
        if (kind.isPresent() || order.isEmpty()) {
            route(state, customerKey, say, kind.orElse(ComplaintKind.OTHER), text, order);
            return;
        }
        state.complaintText = Replies.fit(text, 1000);
        askKind(state, say);
    }

    /** The list of kinds (the way forward when the words did not say it). */
    void askKind(CustomerChat state, Replies say) {
        state.step = Step.ASK_COMPLAINT_KIND;
        state.lastQuestion = "complaint-kind";
        var rows = new ArrayList<Replies.Row>();
        for (ComplaintKind kind : ComplaintKind.values()) {
            rows.add(new Replies.Row(TAP + ":" + kind.name(), say.t("complaint.kind." + kind.name()), null));
        }
        say.list(
                say.t("complaint.kind.ask"),
                say.t("complaint.kind.button"),
                List.of(new Replies.Section(say.t("complaint.kind.section"), rows)));
    }

    /** A tap on a kind, or a text while the list is open (its words, else "other"). */
    void kindChosen(CustomerChat state, String customerKey, Replies say, String kindName, String text) {
        if (state.step != Step.ASK_COMPLAINT_KIND || state.complaintText == null) {
            say.text(say.t("complaint.kind.stale"));
            return;
        }
        ComplaintKind kind;
        String complaint = state.complaintText;
        if (kindName != null) {
            try {
                kind = ComplaintKind.valueOf(kindName);
            } catch (IllegalArgumentException e) {
                askKind(state, say);
                return;
            }
        } else {
            kind = ComplaintKind.of(text).orElse(ComplaintKind.OTHER);
            complaint = Replies.fit(complaint + " / " + text, 1000);
        }
        route(state, customerKey, say, kind, complaint, lastOrder(state, customerKey));
    }

    private void route(
            CustomerChat state,
            String customerKey,
            Replies say,
            ComplaintKind kind,
            String text,
            Optional<Order> order) {
        String id = support.complaint(
                customerKey, order.map(o -> o.id().value()).orElse(null), kind, Replies.fit(text, 1000));
        state.complaintText = null;
        state.step = Step.HOME;
        state.lastQuestion = "home";
        var restaurant = order.flatMap(o -> restaurants.find(o.restaurantId()));
        if (kind.owner() == ComplaintKind.Owner.RESTAURANT && restaurant.isPresent()) {
            tellStaff(order.get(), restaurant.get(), id, kind, text);
            say.text(say.t(
                    "complaint.restaurant",
                    restaurant.get().name(),
                    order.get().reference().value(),
                    id));
        } else {
            say.text(say.t("complaint.ticket", id));
        }
    }

    private void tellStaff(Order order, Restaurant restaurant, String ticket, ComplaintKind kind, String text) {
        String ref = order.reference().value();
        String customer =
                order.customer().firstName() == null ? "—" : order.customer().firstName();
        String items = String.join(
                ", ",
                order.lines().stream().map(l -> l.quantity() + "× " + l.name()).toList());
        for (WaId staff : restaurant.staff()) {
            var s = new Replies(
                    chat,
                    messages,
                    WaUser.newBuilder().setWaId(staff.value()).build(),
                    conversations.language(staff.value()).orElse("es"),
                    "complaint:" + ticket + ":" + staff.value(),
                    "order:" + ref,
                    clock.instant());
            s.buttons(
                    s.t("staff.complaint", ref, customer, s.t("complaint.kind." + kind.name()), text, items),
                    List.of(
                            new Replies.Button(TAP + ":" + ticket + ":fix", s.t("staff.complaint.fix")),
                            new Replies.Button(TAP + ":" + ticket + ":ops", s.t("staff.complaint.ops"))));
        }
    }

    /**
     * A staff member answers a complaint: "fix" keeps it (the customer is told the restaurant is on it), "ops" sends
     * it to the support queue (the customer is told support takes it). The first answer wins; later ones hear who took
     * it.
     */
    void staffAnswer(Restaurant restaurant, Replies say, String ticketId, String action, String staffName) {
        var ticket = support.find(ticketId);
        var order = ticket.map(SupportQueue.Ticket::orderId)
                .flatMap(id -> orders.find(new OrderId(id)))
                .filter(o -> o.restaurantId().equals(restaurant.id()));
        if (ticket.isEmpty() || order.isEmpty()) {
            say.text(say.t("staff.complaint.unknown"));
            return;
        }
        boolean toOps = action.equals("ops");
        if (!support.answerByRestaurant(ticketId, staffName, toOps)) {
            var now = support.find(ticketId).orElseThrow();
            say.text(say.t(
                    "staff.complaint.taken",
                    order.get().reference().value(),
                    now.handledBy() == null ? "—" : now.handledBy()));
            return;
        }
        String ref = order.get().reference().value();
        say.text(say.t(toOps ? "staff.complaint.sent" : "staff.complaint.kept", ref, ticketId));
        var customer = order.get().customer();
        var tell = new Replies(
                chat,
                messages,
                WaUser.newBuilder()
                        .setWaId(customer.waId())
                        .setUserId(customer.userId())
                        .build(),
                conversations.language(customer.key()).orElse("es"),
                "complaint:" + ticketId + ":answer",
                "order:" + ref,
                clock.instant());
        tell.text(tell.t(
                toOps ? "complaint.restaurant.to.ops" : "complaint.restaurant.fixing",
                restaurant.name(),
                ref,
                ticketId));
    }

    private Optional<Order> lastOrder(CustomerChat state, String customerKey) {
        String ref = state.lastOrderRef;
        if (ref == null || !ref.matches("\\d{4,12}")) {
            return Optional.empty();
        }
        return orders.find(new OrderReference(ref))
                .filter(o -> o.customer().key().equals(customerKey));
    }
}
