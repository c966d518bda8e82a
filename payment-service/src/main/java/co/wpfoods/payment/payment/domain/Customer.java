package co.wpfoods.payment.payment.domain;

/**
 * Who pays: a WhatsApp user by wa_id and/or business-scoped user id, and the language they are written to in (Spanish
 * when not known).
 */
public record Customer(String waId, String userId, Language language) {

    public Customer {
        if (blank(waId) && blank(userId)) {
            throw new InvalidPaymentException("a customer needs a wa_id or a user id");
        }
        language = language == null ? Language.ES : language;
    }

    /** A customer written to in Spanish. */
    public Customer(String waId, String userId) {
        this(waId, userId, Language.ES);
    }

    /** The key messages to this customer are sent under: wa_id when present, else the user id. */
    public String identity() {
        return blank(waId) ? userId : waId;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
