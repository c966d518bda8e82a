package co.wpfoods.payment.payment.application;

/**
 * Extension point for electronic invoicing with the DIAN (Colombia's tax authority), out of scope today. It is called
 * in the transaction that issues a receipt and answers the receipt's fiscal status. An implementation that submits
 * invoices must not call the DIAN's provider inside that transaction: it should persist its own work (e.g. a
 * db-scheduler task, as refunds do) and answer {@code "PENDING_SUBMISSION"}. The default implementation answers
 * {@code "NOT_SUBMITTED"}.
 */
public interface ElectronicInvoicing {

    String onReceiptIssued(Receipt receipt);
}
