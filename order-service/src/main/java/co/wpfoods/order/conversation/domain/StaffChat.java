package co.wpfoods.order.conversation.domain;

/** A restaurant staff member's conversation: language, the order we asked about, and what we asked. */
public final class StaffChat {

    public String language = "es";
    /** The order a reject reason or a preparation time is being asked for. */
    public String orderRef;

    public String question;
}
