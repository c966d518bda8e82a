package co.wpfoods.order.catalog;

import co.wpfoods.testing.fuzz.MalformedJson;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of catalog request bodies that must be refused: not JSON, JSON of the wrong
 * shape, and well-formed bodies each with at least one value the catalog's rules forbid (the shared
 * {@link MalformedJson} generators plus the catalog's own fields).
 */
final class MalformedCatalogJson {

    private MalformedCatalogJson() {}

    static Arbitrary<String> registrations() {
        // (a number or true as a name is read as its text, as Jackson does for any string field: not malformed)
        Arbitrary<String> badName = Arbitraries.of("\"\"", "\"  \"", "null", "[]", "{}", "[\"x\"]");
        Arbitrary<String> badStaff = Arbitraries.of(
                "[]",
                "null",
                "\"573105550101\"",
                "[\"12ab\"]",
                "[42]",
                "[null]",
                "[[]]",
                "{}",
                "[\"\"]",
                "[\"57310555010199999999999\"]");
        Arbitrary<String> badLocation = Arbitraries.of(
                "{\"latitude\":95,\"longitude\":-74}",
                "{\"latitude\":4.6}",
                "{\"latitude\":\"norte\",\"longitude\":-74}",
                "[4.6,-74]",
                "\"Chapinero\"",
                "{\"latitude\":1e999,\"longitude\":-74}");
        Arbitrary<String> wrongField = Combinators.combine(
                        badName, badStaff, badLocation, Arbitraries.integers().between(0, 2))
                .as((name, staff, location, which) -> switch (which) {
                    case 0 -> "{\"name\":" + name + ",\"staffWaIds\":[\"573105559999\"]}";
                    case 1 -> "{\"name\":\"Fuzz\",\"staffWaIds\":" + staff + "}";
                    default -> "{\"name\":\"Fuzz\",\"staffWaIds\":[\"573105559998\"],\"location\":" + location + "}";
                });
        return Arbitraries.oneOf(notJson(), wrongShape(), wrongField);
    }

    static Arbitrary<String> menus() {
        Arbitrary<String> badPrice = Arbitraries.of(
                "0", "-1", "18900.5", "\"mil\"", "null", "1e30", "[]", "{}", "true", "99999999999999999999999");
        Arbitrary<String> badItems = Arbitraries.of("[]", "null", "{}", "\"bandeja\"", "[null]", "[42]", "[[]]");
        Arbitrary<String> badModifiers = Arbitraries.of("\"sin\"", "[42]", "[{\"priceCop\":\"x\"}]", "{}", "[null]");
        Arbitrary<String> wrongField = Combinators.combine(
                        badPrice, badItems, badModifiers, Arbitraries.integers().between(0, 2))
                .as((price, items, modifiers, which) -> switch (which) {
                    case 0 -> "{\"items\":[{\"itemId\":\"i1\",\"name\":\"Bandeja\",\"priceCop\":" + price + "}]}";
                    case 1 -> "{\"items\":" + items + "}";
                    default ->
                        "{\"items\":[{\"itemId\":\"i1\",\"name\":\"Bandeja\",\"priceCop\":18900,\"modifiers\":"
                                + modifiers + "}]}";
                });
        return Arbitraries.oneOf(notJson(), wrongShape(), wrongField);
    }

    private static Arbitrary<String> notJson() {
        return Arbitraries.oneOf(
                MalformedJson.notJson(),
                Arbitraries.of("{\"name\":", "{\"items\":[", "{'name':'x'}", "{\"name\":\"x\",}"));
    }

    private static Arbitrary<String> wrongShape() {
        // every field of a registration and a menu is required: an empty or unrelated object is wrong too
        return Arbitraries.oneOf(MalformedJson.notAnObject(), Arbitraries.of("{}", "{\"unknown\":1}"));
    }
}
