package co.wpfoods.order.conversation.domain;

import java.util.List;
import java.util.Locale;

/**
 * A delivery address the customer named after an order ("Casa", "Oficina", "Donde mi mamá"), offered the next time we
 * ask where to deliver. Kept in the customer's conversation (so erasing the conversation erases them).
 */
public record SavedAddress(String name, String text, double latitude, double longitude) {

    /** At most this many per customer; saving one more replaces the oldest. */
    public static final int MAX = 5;

    public static final int MAX_NAME = 20;

    public SavedAddress {
        name = tidy(name);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an address needs a name");
        }
    }

    /** A name as a person would write it: letters, digits and spaces, trimmed, at most 20 characters. */
    public static String tidy(String name) {
        String kept = name == null
                ? ""
                : name.replaceAll("[^\\p{L}\\p{N}'’ ]", " ")
                        .replaceAll("\\s+", " ")
                        .strip();
        kept = kept.length() > MAX_NAME ? kept.substring(0, MAX_NAME).strip() : kept;
        return kept.isEmpty() ? kept : kept.substring(0, 1).toUpperCase(Locale.ROOT) + kept.substring(1);
    }

    /** The list with {@code address} saved: same name (any case) or same place replaced, newest last, at most MAX. */
    public static List<SavedAddress> save(List<SavedAddress> saved, SavedAddress address) {
        var kept = new java.util.ArrayList<SavedAddress>();
        for (SavedAddress a : saved) {
            boolean sameName = a.name().equalsIgnoreCase(address.name());
            boolean samePlace = a.latitude() == address.latitude() && a.longitude() == address.longitude();
            if (!sameName && !samePlace) {
                kept.add(a);
            }
        }
        kept.add(address);
        while (kept.size() > MAX) {
            kept.removeFirst();
        }
        return kept;
    }
}
