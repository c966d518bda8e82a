package co.wpfoods.payment.payment.application;

import co.wpfoods.payment.payment.domain.LedgerEntry;
import co.wpfoods.payment.payment.domain.PaymentId;
import java.util.List;

/** The append-only ledger. Appending joins the caller's transaction. */
public interface LedgerBook {

    void append(LedgerEntry entry);

    List<LedgerEntry> ofPayment(PaymentId paymentId);
}
