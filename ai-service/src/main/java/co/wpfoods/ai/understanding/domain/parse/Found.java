package co.wpfoods.ai.understanding.domain.parse;

/** A value a parser found in folded text, with where it was ({@code start} inclusive, {@code end} exclusive). */
public record Found<T>(T value, int start, int end) {

    /** The text with this span blanked out, so later steps do not read it again. */
    public String blankOut(String text) {
        return text.substring(0, start) + " ".repeat(end - start) + text.substring(end);
    }
}
