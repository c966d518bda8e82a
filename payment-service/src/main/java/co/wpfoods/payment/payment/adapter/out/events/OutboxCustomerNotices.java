package co.wpfoods.payment.payment.adapter.out.events;

import co.wpfoods.eventing.outbox.OutboxEvent;
import co.wpfoods.eventing.outbox.OutboxWriter;
import co.wpfoods.payment.payment.application.CustomerNotices;
import co.wpfoods.payment.payment.application.Money;
import co.wpfoods.payment.payment.application.Receipt;
import co.wpfoods.payment.payment.domain.Cop;
import co.wpfoods.payment.payment.domain.Payment;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.wa.OutboundCommand;
import co.wpfoods.schemas.wa.OutboundCommands;
import co.wpfoods.schemas.wa.WaUser;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Messages to the customer about their payment, built with {@link OutboundCommands} and written through the outbox to
 * {@code wa.outbound.v1}. Command ids derive from the payment and the notice, so a retried step sends nothing twice.
 */
@Component
class OutboxCustomerNotices implements CustomerNotices {

    private static final String STRIPE = "stripe";

    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("h:mm a");

    private final OutboxWriter outbox;
    private final MessageSource messages;

    OutboxCustomerNotices(OutboxWriter outbox, MessageSource messages) {
        this.outbox = outbox;
        this.messages = messages;
    }

    @Override
    public void payByCard(Payment payment) {
        String reference = payment.order().reference();
        String deadline = payment.deadline() == null
                ? ""
                : CLOCK.withLocale(locale(payment)).format(payment.deadline().atZone(BOGOTA));
        // Stripe is named only when its page takes the card (the local card page is not Stripe)
        String footer = STRIPE.equals(payment.provider()) ? "pay.footer.stripe" : "pay.footer";
        send(
                payment,
                "pay-link",
                draft(payment, "pay-link")
                        .ctaUrl(i -> i.header(msg(payment, "pay.header", reference))
                                .body(msg(payment, "pay.body", Money.format(payment.amount()), deadline))
                                .footer(msg(payment, footer))
                                .cta(
                                        msg(payment, "pay.button"),
                                        payment.checkout().url())));
    }

    @Override
    public void cardDeclined(Payment payment) {
        send(payment, "declined-" + UUID.randomUUID(), draft(payment, null).text(msg(payment, "declined.text")));
    }

    @Override
    public void paymentFailed(Payment payment) {
        String key = switch (payment.failureReason()) {
            case EXPIRED -> "failed.expired";
            case null, default -> "failed.other";
        };
        send(
                payment,
                "failed",
                draft(payment, "failed").text(msg(payment, key, payment.order().reference())));
    }

    @Override
    public void paid(Payment payment, Receipt receipt) {
        send(payment, "paid", draft(payment, "paid").text(receipt.body()));
    }

    @Override
    public void refunded(Payment payment, Cop amount) {
        String key = payment.refunded().equals(payment.captured()) ? "refund.full" : "refund.partial";
        send(
                payment,
                "refund-" + payment.refunded().value(),
                draft(payment, "refund-" + payment.refunded().value())
                        .text(msg(
                                payment,
                                key,
                                Money.format(amount),
                                payment.order().reference())));
    }

    private OutboundCommands.Draft draft(Payment payment, String notice) {
        var c = payment.order().customer();
        var draft = OutboundCommands.to(WaUser.newBuilder()
                        .setWaId(c.waId())
                        .setUserId(c.userId())
                        .build())
                .correlationId("order:" + payment.order().orderId().value());
        if (notice != null) {
            draft = draft.commandId(UUID.nameUUIDFromBytes(
                            ("payment:" + payment.id().value() + ":" + notice).getBytes(StandardCharsets.UTF_8))
                    .toString());
        }
        return draft;
    }

    private void send(Payment payment, String notice, OutboundCommand command) {
        outbox.append(OutboxEvent.of(
                Topics.WhatsApp.OUTBOUND,
                payment.order().customer().identity(),
                command,
                "order:" + payment.order().orderId().value()));
    }

    private String msg(Payment payment, String key, Object... args) {
        return messages.getMessage(key, args, locale(payment));
    }

    private static Locale locale(Payment payment) {
        return payment.order().customer().language().locale();
    }
}
