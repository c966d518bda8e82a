package co.wpfoods.security.web;

/**
 * The bounds of every list a WPFoods API answers (OWASP API4: no list is unbounded): a {@code page} number from 0 and
 * a {@code size} from 1 to {@link #MAX_SIZE}. A controller checks its query parameters first:
 *
 * <pre>{@code
 * List<OrderView> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
 *     PageBounds.check(page, size);
 *     ...
 * }
 * }</pre>
 *
 * <p>Out of bounds is {@link OutOfBounds}, which every servlet service answers {@code 400} with the reason as a
 * problem detail ({@link PageBoundsAdvice}, registered by this module's auto-configuration).
 */
public final class PageBounds {

    /** The most items one page may hold. */
    public static final int MAX_SIZE = 100;

    private PageBounds() {}

    /** Refuses a page number below 0 or a size outside 1..{@link #MAX_SIZE}. */
    public static void check(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new OutOfBounds(page, size);
        }
    }

    /** A page or size outside the bounds; its message is the reason the caller is given. */
    public static final class OutOfBounds extends RuntimeException {

        OutOfBounds(int page, int size) {
            super("page must be ≥ 0 and size between 1 and " + MAX_SIZE + " (got page " + page + ", size " + size
                    + ")");
        }
    }
}
