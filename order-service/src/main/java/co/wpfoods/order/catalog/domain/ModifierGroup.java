package co.wpfoods.order.catalog.domain;

/**
 * A choice on an item ("Tamaño": exactly one; "Adiciones": up to three). {@code min} ≥ 1 makes it required: the item
 * cannot go into a cart until the customer chose that many.
 */
public record ModifierGroup(String groupId, String name, int min, int max) {

    public ModifierGroup {
        groupId = Restaurant.requireText(groupId, "modifier group id", 64);
        name = Restaurant.requireText(name, "modifier group name", 60);
        if (min < 0 || max < 1 || min > max || max > 20) {
            throw new InvalidCatalogException("modifier group " + groupId
                    + " needs 0 <= min <= max, 1 <= max <= 20 (got " + min + ".." + max + ")");
        }
    }

    public boolean required() {
        return min > 0;
    }
}
