package co.wpfoods.testing.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of request bodies and query values a public JSON endpoint must refuse with a 4xx (never a 5xx,
 * never storing anything): text that is not JSON, JSON that is not an object, and a valid object with exactly one
 * field made wrong. Each service's fuzz tests combine these with the bad values of their own fields:
 *
 * <pre>{@code
 * MalformedJson.bodies(
 *         Map.of("waId", "\"573105550101\"", "language", "\"es\""),
 *         Map.of("waId", List.of("\"\"", "\"abc\"", "null"), "language", List.of("\"fr\"", "42")))
 *     .sampleStream().limit(40).forEach(body -> assertThat(post(body)).isBetween(400, 499));
 * }</pre>
 *
 * <p>A bad value must be wrong for its field whatever Jackson coerces (a small number given for a text field is read
 * as its digits: only use it where those digits are refused).
 */
public final class MalformedJson {

    private MalformedJson() {}

    /** Not JSON at all: random text, an object cut off, single quotes, a trailing comma, a NUL byte. */
    public static Arbitrary<String> notJson() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200).filter(s -> !s.isBlank()).filter(s -> !looksLikeJson(s)),
                Arbitraries.strings()
                        .withCharRange('!', '~')
                        .ofMinLength(1)
                        .ofMaxLength(80)
                        .map(s -> "{" + s)
                        .filter(s -> !looksLikeJson(s)),
                Arbitraries.of(
                        "{",
                        "{\"a\":",
                        "{\"a\":[",
                        "\u0000",
                        "{'a':'x'}",
                        "{\"a\":\"x\",}",
                        "{\"a\" \"x\"}",
                        "[1,2",
                        "{\"a\":\"\\uZZZZ\"}",
                        "{\"a\":tru}",
                        "{\"a\":01}",
                        "<xml/>"));
    }

    /** JSON, but not an object. */
    public static Arbitrary<String> notAnObject() {
        return Arbitraries.of("null", "[]", "[{}]", "42", "-1.5", "\"texto\"", "true", "false", "[null]");
    }

    /** {@link #notJson()} or {@link #notAnObject()}: wrong for any endpoint that takes an object. */
    public static Arbitrary<String> neitherJsonNorAnObject() {
        return Arbitraries.oneOf(notJson(), notAnObject());
    }

    /**
     * A valid object ({@code valid}: field name → JSON value) with exactly one field replaced by one of its bad values
     * ({@code bad}: field name → JSON values that field must refuse, {@code null} in the list meaning "left out").
     */
    public static Arbitrary<String> withOneBadField(Map<String, String> valid, Map<String, List<String>> bad) {
        List<String> bodies = new ArrayList<>();
        for (var field : bad.entrySet()) {
            if (!valid.containsKey(field.getKey())) {
                throw new IllegalArgumentException("no valid value for " + field.getKey());
            }
            for (String value : field.getValue()) {
                Map<String, String> body = new LinkedHashMap<>(valid);
                if (value == null) {
                    body.remove(field.getKey());
                } else {
                    body.put(field.getKey(), value);
                }
                bodies.add(object(body));
            }
        }
        return Arbitraries.of(bodies);
    }

    /** Everything an endpoint taking this object must refuse: not JSON, not an object, or one field wrong. */
    public static Arbitrary<String> bodies(Map<String, String> valid, Map<String, List<String>> bad) {
        return Arbitraries.frequencyOf(
                Tuple.of(2, notJson()), Tuple.of(1, notAnObject()), Tuple.of(3, withOneBadField(valid, bad)));
    }

    /** Values a paging parameter ({@code page} ≥ 0, {@code size} 1–100) must refuse. */
    public static Arbitrary<String> badPageValues() {
        return Arbitraries.oneOf(
                Arbitraries.of("-1", "abc", "1.5", "99999999999999999999", "%00", "1e3", "NaN", "+-1", "uno"),
                Arbitraries.integers().lessOrEqual(-1).map(String::valueOf));
    }

    /** Values a {@code size} parameter (1–100) must refuse. */
    public static Arbitrary<String> badSizeValues() {
        return Arbitraries.oneOf(
                badPageValues(),
                Arbitraries.of("0", "101"),
                Arbitraries.integers().greaterOrEqual(101).map(String::valueOf));
    }

    /** The JSON object of these fields (values are JSON already). */
    public static String object(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** Random text that happens to be a bare JSON number, literal or string is not "not JSON". */
    private static boolean looksLikeJson(String s) {
        String t = s.strip();
        return t.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?")
                || t.equals("true")
                || t.equals("false")
                || t.equals("null")
                || (t.startsWith("\"") && t.endsWith("\"") && t.length() > 1)
                || t.equals("{}")
                || t.equals("[]");
    }
}
