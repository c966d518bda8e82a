package co.wpfoods.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class PersonalDataRedactionProperties {

    @Property
    void a_phone_number_written_any_usual_way_never_survives(
            @ForAll("prose") String before, @ForAll("phones") Phone phone, @ForAll("prose") String after) {
        String redacted = PersonalDataRedaction.redact(before + " " + phone.written() + " " + after);

        assertThat(redacted).contains(PersonalDataRedaction.PHONE);
        assertThat(redacted.replaceAll("\\D", "")).doesNotContain(phone.digits());
        assertThat(redacted).startsWith(before).endsWith(after);
    }

    @Property
    void text_without_digits_or_at_signs_is_returned_unchanged(@ForAll("prose") String text) {
        assertThat(PersonalDataRedaction.redact(text)).isSameAs(text);
    }

    @Property
    void ids_amounts_and_timestamps_are_left_alone(
            @ForAll @IntRange(min = 0, max = 999_999_999) int pesos, @ForAll @IntRange(min = 0, max = 59) int second) {
        String uuid = UUID.randomUUID().toString();
        String amount = String.format(java.util.Locale.GERMANY, "%,d", pesos);
        String text = "order " + uuid + " total $" + amount + " COP at 2026-11-26T12:31:"
                + String.format("%02d", second) + ".000Z, wamid.HBgMNTczMDAxMjM0NTY3FQIAEhggQjZFRkY3";

        assertThat(PersonalDataRedaction.redact(text)).isEqualTo(text);
    }

    @Property
    void a_colombian_street_address_never_survives(
            @ForAll("streetTypes") String type,
            @ForAll @IntRange(min = 1, max = 199) int street,
            @ForAll("numberSigns") String sign,
            @ForAll @IntRange(min = 1, max = 199) int cross,
            @ForAll @IntRange(min = 1, max = 99) int house) {
        String address = type + " " + street + " " + sign + " " + cross + "-" + house;

        String redacted = PersonalDataRedaction.redact("Entregar en " + address + ", Chapinero, Bogotá");

        assertThat(redacted).isEqualTo("Entregar en [address], Chapinero, Bogotá");
    }

    @Property
    void precise_coordinates_and_email_addresses_never_survive(
            @ForAll @IntRange(min = -90, max = 90) int latitude,
            @ForAll @IntRange(min = 1000, max = 999999) int decimals) {
        String text =
                "location " + latitude + "." + decimals + ",-74." + decimals + " from camila.rojas+pedidos@example.co";

        assertThat(PersonalDataRedaction.redact(text)).isEqualTo("location [coordinate],[coordinate] from [email]");
    }

    record Phone(String digits, String written) {}

    @Provide
    Arbitrary<Phone> phones() {
        Arbitrary<String> national = Arbitraries.strings().numeric().ofLength(9).map(rest -> "3" + rest);
        Arbitrary<Boolean> withCountryCode = Arbitraries.of(true, false);
        Arbitrary<String> separator = Arbitraries.of("", " ", "-", ".");
        Arbitrary<Boolean> plus = Arbitraries.of(true, false);
        return Combinators.combine(national, withCountryCode, separator, plus).as((digits, country, sep, withPlus) -> {
            String grouped = digits.substring(0, 3) + sep + digits.substring(3, 6) + sep + digits.substring(6);
            String written = country ? (withPlus ? "+" : "") + "57" + (sep.isEmpty() ? "" : " ") + grouped : grouped;
            return new Phone(country ? "57" + digits : digits, written);
        });
    }

    @Provide
    Arbitrary<String> prose() {
        return Arbitraries.strings()
                .withChars("abcdefghijklmnopqrstuvwxyzáéíóúñ ABCDEFGHIJKLMNOPQRSTUVWXYZ,;:!¿?")
                .ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> streetTypes() {
        return Arbitraries.of(List.of(
                "Calle",
                "Cl",
                "Cll.",
                "Carrera",
                "Cra.",
                "Kr",
                "Avenida",
                "Av.",
                "Diagonal",
                "Dg",
                "Transversal",
                "Tv."));
    }

    @Provide
    Arbitrary<String> numberSigns() {
        return Arbitraries.of("#", "No.", "No", "Nº", "n°", "Nro.", "número");
    }
}
