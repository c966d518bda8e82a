package co.wpfoods.ai.understanding.application;

import co.wpfoods.ai.menus.application.MenuIndex;
import co.wpfoods.ai.understanding.domain.Intent;
import co.wpfoods.ai.understanding.domain.ItemMention;
import co.wpfoods.ai.understanding.domain.PaymentMethod;
import co.wpfoods.ai.understanding.domain.context.LastQuestion;
import co.wpfoods.ai.understanding.domain.context.ShortReply;
import co.wpfoods.ai.understanding.domain.parse.CodeParser;
import co.wpfoods.ai.understanding.domain.parse.Found;
import co.wpfoods.ai.understanding.domain.parse.PaymentParser;
import co.wpfoods.ai.understanding.domain.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a short reply ("sí", "1", "el segundo", "otra igual") against our last question in the conversation's recent
 * messages: a yes or a no to a yes/no question gives that question's intents, a number picks a line of a numbered
 * list (the restaurant, item, payment method or order it names, and its position), a number answers "how many" for
 * the item in focus, and "otra igual" with a cart is another of its last line. Anything else is left to the
 * classifier, so a message that says more than a short reply reads exactly as it does without context.
 */
final class ContextReader {

    /** The confidence of an answer the question decided. */
    static final double CONFIDENCE = 0.9;

    /** What the question and the reply decided; null fields were not decided. */
    record Reading(
            Intent intent,
            List<ItemMention> items,
            String restaurantId,
            PaymentMethod payment,
            String orderReference,
            Integer choice,
            Integer quantity) {

        static Reading of(Intent intent) {
            return new Reading(intent, List.of(), null, null, null, null, null);
        }
    }

    private final MenuIndex menus;
    private final ItemExtractor items;

    ContextReader(MenuIndex menus, ItemExtractor items) {
        this.menus = menus;
        this.items = items;
    }

    Optional<Reading> read(UnderstandRequest request) {
        Optional<ShortReply> reply = ShortReply.of(request.text());
        if (reply.isEmpty()) {
            return Optional.empty();
        }
        if (reply.get() instanceof ShortReply.Same) {
            return sameAgain(request);
        }
        Optional<LastQuestion> question = LastQuestion.find(request.role(), request.lastMessages());
        if (question.isEmpty()) {
            return Optional.empty();
        }
        LastQuestion q = question.get();
        return switch (reply.get()) {
            case ShortReply.Yes yes ->
                q.yesNo() == null ? Optional.empty() : answered(q, q.yesNo().onYes());
            case ShortReply.No no ->
                q.yesNo() == null || q.yesNo().onNo() == null
                        ? Optional.empty()
                        : answered(q, q.yesNo().onNo());
            case ShortReply.Number n -> number(request, q, n);
            case ShortReply.Same same -> Optional.empty();
        };
    }

    /** A yes or a no: the question's intent, with the order it names ("¿Aceptas el pedido 1042?"). */
    private static Optional<Reading> answered(LastQuestion q, Intent intent) {
        String ref = CodeParser.orderReference(TextNormalizer.fold(q.text()))
                .map(Found::value)
                .orElse(null);
        return Optional.of(new Reading(intent, List.of(), null, null, ref, null, null));
    }

    private Optional<Reading> number(UnderstandRequest request, LastQuestion q, ShortReply.Number n) {
        if (q.pick() != null) {
            return q.option(n.value()).map(option -> pick(request, q.pick().onYes(), option, n.value()));
        }
        if (q.quantity() != null && n.value() > 0 && !n.ordinal()) {
            return Optional.of(quantity(request, q, q.quantity().onYes(), n.value()));
        }
        return Optional.empty();
    }

    /** A line of a numbered list: what it names, by what picking means (a restaurant, an item, a way to pay). */
    private Reading pick(UnderstandRequest request, Intent intent, String option, int value) {
        String folded = TextNormalizer.fold(option);
        int choice = value == -1 ? -1 : value;
        String ref = CodeParser.orderReference(folded).map(Found::value).orElse(null);
        String withoutPrice =
                CodeParser.price(folded).map(p -> p.blankOut(folded)).orElse(folded);
        List<String> words = TextNormalizer.tokens(withoutPrice);
        Optional<String> restaurant = menus.findRestaurant(words).map(MenuIndex.RestaurantMatch::restaurantId);
        Optional<PaymentMethod> payment = PaymentParser.find(words);
        return switch (intent) {
            case BROWSE -> new Reading(intent, List.of(), restaurant.orElse(null), null, ref, choice, null);
            case CHECKOUT -> new Reading(intent, List.of(), null, payment.orElse(null), ref, choice, null);
            case ADD_TO_CART -> {
                List<ItemMention> found = items.extract(withoutPrice, request.restaurantId());
                if (!found.isEmpty()) {
                    yield new Reading(intent, List.of(one(found.get(0), 1)), null, null, ref, choice, null);
                }
                if (restaurant.isPresent()) {
                    yield new Reading(Intent.BROWSE, List.of(), restaurant.get(), null, ref, choice, null);
                }
                if (payment.isPresent()) {
                    yield new Reading(Intent.CHECKOUT, List.of(), null, payment.get(), ref, choice, null);
                }
                yield new Reading(intent, List.of(), null, null, ref, choice, null);
            }
            default -> new Reading(intent, List.of(), null, null, ref, choice, null);
        };
    }

    /**
     * "¿Cuántas quieres?" → the number is the quantity of the item in focus: the one the question names, else the one
     * the person named just before, else the cart's last line; with none, the quantity alone.
     */
    private Reading quantity(UnderstandRequest request, LastQuestion q, Intent intent, int quantity) {
        List<String> looked = new ArrayList<>();
        looked.add(q.text());
        List<String> recent = request.lastMessages();
        int at = recent.lastIndexOf(q.text());
        for (int i = at - 1; i >= 0 && i >= at - LastQuestion.LOOK_BACK; i--) {
            looked.add(recent.get(i));
        }
        for (String message : looked) {
            List<ItemMention> found = items.extract(TextNormalizer.fold(message), request.restaurantId());
            if (!found.isEmpty()) {
                return new Reading(intent, List.of(one(found.get(0), quantity)), null, null, null, null, quantity);
            }
        }
        if (!request.cart().isEmpty()) {
            var last = request.cart().getLast();
            ItemMention line = new ItemMention(
                    last.itemId(), last.name(), request.restaurantId(), quantity, List.of(), request.text(), 1.0);
            return new Reading(intent, List.of(line), null, null, null, null, quantity);
        }
        return new Reading(intent, List.of(), null, null, null, null, quantity);
    }

    /** "otra igual", "lo mismo", "same again" with a cart: one more of its last line. */
    private static Optional<Reading> sameAgain(UnderstandRequest request) {
        if (request.cart().isEmpty()) {
            return Optional.empty();
        }
        var last = request.cart().getLast();
        ItemMention line =
                new ItemMention(last.itemId(), last.name(), request.restaurantId(), 1, List.of(), request.text(), 1.0);
        return Optional.of(new Reading(Intent.ADD_TO_CART, List.of(line), null, null, null, null, 1));
    }

    private static ItemMention one(ItemMention m, int quantity) {
        return new ItemMention(
                m.itemId(), m.name(), m.restaurantId(), quantity, m.modifiers(), m.matchedText(), m.score());
    }
}
