package co.wpfoods.order.support.domain;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a customer's complaint about an order is about, and who can fix it: the restaurant's kitchen (an item missing,
 * a wrong item, cold or badly made food) or ops (a late delivery, the rapitendero's behaviour, payment, anything
 * else). Read from the complaint's words in Spanish or English, accents and case ignored; when the words name no kind
 * or several, {@link #of} is empty and the customer chooses with a tap.
 */
public enum ComplaintKind {
    MISSING_ITEM(
            Owner.RESTAURANT,
            "falt\\w*|missing|forgot\\w*|olvid\\w*|incomplet\\w*|no (?:vino|venia|trajo|trajeron) (?:el|la|los|las)"),
    WRONG_ITEM(
            Owner.RESTAURANT,
            "equivocad\\w*|wrong|no es lo que (?:pedi|ordene)|not what i ordered|(?:trajeron|mandaron|enviaron|llego) otr[oa]"),
    COLD_FOOD(
            Owner.RESTAURANT,
            "fri[oa]s?|helad[oa]s?|cold|crud[oa]s?|quemad[oa]s?|raw|burnt|mal sabor|feo|sabe mal|tastes? bad|pelo|hair"),
    LATE_DELIVERY(
            Owner.OPS,
            "tarde|demor\\w*|late|delayed|todavia no llega|no ha llegado|aun no llega|still not here|hasn'?t arrived|never arrived|nunca llego"),
    RAPITENDERO(
            Owner.OPS,
            "rapitendero\\w*|domiciliari\\w*|repartidor\\w*|mensajer\\w*|courier|driver|rider|grosero|rude|maltrat\\w*|groser\\w*"),
    PAYMENT(
            Owner.OPS,
            "cobr\\w*|pago|pague|vuelto|devuel\\w*|reembols\\w*|tarjeta|charg\\w*|paid|payment|refund\\w*|money|plata"),
    OTHER(Owner.OPS, null);

    /** Who fixes it. */
    public enum Owner {
        RESTAURANT,
        OPS
    }

    private final Owner owner;
    private final Pattern words;

    ComplaintKind(Owner owner, String words) {
        this.owner = owner;
        this.words = words == null ? null : Pattern.compile("\\b(?:" + words + ")\\b");
    }

    public Owner owner() {
        return owner;
    }

    /** The one kind the text names; empty when it names none or more than one (ask, do not guess). */
    public static Optional<ComplaintKind> of(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String plain = plain(text);
        var found = EnumSet.noneOf(ComplaintKind.class);
        for (ComplaintKind kind : values()) {
            if (kind.words != null && kind.words.matcher(plain).find()) {
                found.add(kind);
            }
        }
        return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }

    /** Lower case without accents ("Llegó FRÍO" → "llego frio"). */
    static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
    }
}
