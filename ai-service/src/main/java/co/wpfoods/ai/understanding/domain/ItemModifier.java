package co.wpfoods.ai.understanding.domain;

/**
 * A change to an item: {@code REMOVE} ("sin cebolla") or {@code ADD} ("extra queso", a size). {@code modifierId}
 * is set when it matched one of the item's menu modifiers.
 */
public record ItemModifier(Kind kind, String text, String modifierId) {

    public enum Kind {
        ADD,
        REMOVE
    }
}
