package co.wpfoods.order.conversation.domain;

/** What we asked a customer last: the step decides which taps and texts make sense now. */
public enum Step {
    /** First contact: privacy notice with Accept / Decline (Ley 1581 de 2012). */
    CONSENT,
    /** Nothing pending: where do we deliver / reorder / help. */
    HOME,
    /** We asked for a location (to find food near it). */
    ASK_LOCATION,
    /** A list of restaurants near the customer is open. */
    CHOOSING_RESTAURANT,
    /** A restaurant's menu list is open. */
    BROWSING_MENU,
    /** An item waits for its required choices (size, protein). */
    CHOOSING_MODIFIER,
    /** An item was added; the cart's buttons are shown. */
    CART,
    /** The cart belongs to another restaurant: discard it? */
    SWITCH_RESTAURANT,
    /** Checkout: where do we deliver. */
    ASK_ADDRESS,
    /** A typed address was read; is it right? */
    CONFIRM_ADDRESS,
    /** Checkout: notes for the restaurant. */
    ASK_NOTES,
    /** Checkout: cash or card. */
    ASK_PAYMENT,
    /** The summary with Confirm / Change / Cancel. */
    SUMMARY,
    /** An order is on its way (status messages, where is it, cancel). */
    TRACKING,
    /** We asked for a 1–5 rating. */
    RATING,
    /** We asked what went wrong (complaint / help). */
    ASK_COMPLAINT,
    /** A complaint's words did not say what went wrong: the list of kinds is open. */
    ASK_COMPLAINT_KIND,
    /** We asked what to call the last order's address ("Casa", "Oficina" or a typed name). */
    ASK_ADDRESS_NAME
}
