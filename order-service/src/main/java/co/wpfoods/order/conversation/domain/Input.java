package co.wpfoods.order.conversation.domain;

import java.util.List;

/** What a person sent, read in the order the design asks: a tap first, then text, location, a catalog cart. */
public sealed interface Input {

    /** A reply button or list row: its id carries the step and the object ({@code order:1042:confirm}). */
    record Tap(String id, String title) implements Input {
        public String part(int index) {
            String[] parts = id.split(":", -1);
            return index < parts.length ? parts[index] : "";
        }

        public String kind() {
            return part(0);
        }
    }

    record Text(String body) implements Input {}

    record Location(double latitude, double longitude, String name, String address) implements Input {}

    /** A WhatsApp catalog cart ("order" message): retailer ids and quantities. */
    record CatalogCart(List<Item> items, String text) implements Input {
        public record Item(String retailerId, int quantity) {}
    }

    record Reaction(String emoji) implements Input {}

    /** Media, stickers, contacts…: answered with the step's options. */
    record Other(String metaType) implements Input {}
}
