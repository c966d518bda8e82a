package co.wpfoods.ai.understanding.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a message asks for, per role. {@link #UNKNOWN} when nothing fits well enough. */
public enum Intent {
    // shared by every role
    GREET(Role.CUSTOMER, Role.RESTAURANT, Role.WORKER),
    THANKS(Role.CUSTOMER, Role.RESTAURANT, Role.WORKER),
    HELP(Role.CUSTOMER, Role.RESTAURANT, Role.WORKER),
    UNKNOWN(Role.CUSTOMER, Role.RESTAURANT, Role.WORKER),
    // customer
    BROWSE(Role.CUSTOMER),
    SEARCH(Role.CUSTOMER),
    ADD_TO_CART(Role.CUSTOMER),
    REMOVE_FROM_CART(Role.CUSTOMER),
    VIEW_CART(Role.CUSTOMER),
    CHECKOUT(Role.CUSTOMER),
    CONFIRM(Role.CUSTOMER),
    CANCEL(Role.CUSTOMER),
    TRACK(Role.CUSTOMER),
    PAY_QUESTION(Role.CUSTOMER),
    COMPLAINT(Role.CUSTOMER),
    OPT_OUT(Role.CUSTOMER),
    DELETE_DATA(Role.CUSTOMER),
    REORDER(Role.CUSTOMER),
    /** The customer gives or changes the delivery address (often an address typed alone). */
    CHANGE_ADDRESS(Role.CUSTOMER),
    // restaurant
    ORDER_ACCEPT(Role.RESTAURANT),
    ORDER_REJECT(Role.RESTAURANT),
    ORDER_READY(Role.RESTAURANT),
    ITEM_ON(Role.RESTAURANT),
    ITEM_OFF(Role.RESTAURANT),
    PRICE_CHANGE(Role.RESTAURANT),
    PAUSE(Role.RESTAURANT),
    RESUME(Role.RESTAURANT),
    SALES(Role.RESTAURANT),
    /** A restaurant or a rapitendero reports a problem with an order, a delivery or the service (not the FAQ). */
    REPORT_PROBLEM(Role.RESTAURANT, Role.WORKER),
    // worker
    GO_ONLINE(Role.WORKER),
    GO_OFFLINE(Role.WORKER),
    OFFER_ACCEPT(Role.WORKER),
    OFFER_DECLINE(Role.WORKER),
    PICKED_UP(Role.WORKER),
    DELIVERED(Role.WORKER),
    EARNINGS(Role.WORKER),
    /** The rapitendero says where they are in words ("estoy en la 80 con Boyacá"). */
    REPORT_LOCATION(Role.WORKER);

    private final Set<Role> roles;

    Intent(Role first, Role... rest) {
        this.roles = EnumSet.of(first, rest);
    }

    public boolean appliesTo(Role role) {
        return roles.contains(role);
    }

    /** Intents whose entities include menu items. */
    public boolean carriesItems() {
        return switch (this) {
            case ADD_TO_CART, REMOVE_FROM_CART, SEARCH, ITEM_ON, ITEM_OFF, PRICE_CHANGE -> true;
            default -> false;
        };
    }

    /** The wire name, e.g. {@code add_to_cart}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Intent fromWireName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
