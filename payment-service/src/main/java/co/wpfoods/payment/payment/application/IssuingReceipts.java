package co.wpfoods.payment.payment.application;

import co.wpfoods.payment.payment.domain.Cop;
import co.wpfoods.payment.payment.domain.OrderDetails;
import co.wpfoods.payment.payment.domain.OrderLine;
import co.wpfoods.payment.payment.domain.Payment;
import co.wpfoods.payment.payment.domain.PaymentMethod;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * A paid payment gets one receipt, numbered in its restaurant's sequence, with the IVA (19 %) the prices include shown
 * apart, in the customer's language. Runs in the transaction that completes the payment, so a number is never used twice nor skipped.
 */
@Service
public class IssuingReceipts {

    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Receipts receipts;
    private final ElectronicInvoicing invoicing;
    private final MessageSource messages;

    public IssuingReceipts(Receipts receipts, ElectronicInvoicing invoicing, MessageSource messages) {
        this.receipts = receipts;
        this.invoicing = invoicing;
        this.messages = messages;
    }

    public Receipt issue(Payment payment, Instant now) {
        var existing = receipts.of(payment.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        OrderDetails order = payment.order();
        long number = receipts.nextNumber(order.restaurantId());
        String body = render(payment, number, now);
        var draft = new Receipt(payment.id(), order.restaurantId(), number, body, "NOT_SUBMITTED", now);
        var receipt = new Receipt(
                draft.paymentId(), draft.restaurantId(), number, body, invoicing.onReceiptIssued(draft), now);
        receipts.add(receipt);
        return receipt;
    }

    private String render(Payment payment, long number, Instant now) {
        OrderDetails order = payment.order();
        Locale locale = order.customer().language().locale();
        var text = new StringBuilder();
        text.append(msg(locale, "receipt.title", String.format("%06d", number))).append('\n');
        text.append(msg(
                        locale,
                        "receipt.header",
                        order.restaurantName() == null ? order.restaurantId() : order.restaurantName(),
                        order.reference(),
                        WHEN.format(now.atZone(BOGOTA))))
                .append('\n');
        for (OrderLine line : order.lines()) {
            text.append(msg(
                            locale,
                            "receipt.line",
                            line.quantity(),
                            line.name(),
                            Money.format(Cop.of(line.totalCop()))))
                    .append('\n');
        }
        text.append(msg(locale, "receipt.subtotal", Money.format(order.subtotal())))
                .append('\n');
        text.append(msg(locale, "receipt.delivery", Money.format(order.deliveryFee())))
                .append('\n');
        text.append(msg(locale, "receipt.total", Money.format(order.total()))).append('\n');
        text.append(msg(locale, "receipt.iva", OrderDetails.IVA_PERCENT, Money.format(order.iva())))
                .append('\n');
        text.append(msg(locale, payment.method() == PaymentMethod.CASH ? "receipt.paid.cash" : "receipt.paid.card"));
        return text.toString();
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
