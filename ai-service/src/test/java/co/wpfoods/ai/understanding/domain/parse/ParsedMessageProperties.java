package co.wpfoods.ai.understanding.domain.parse;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.ai.understanding.domain.Role;
import java.time.LocalTime;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ParsedMessageProperties {

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.of(
                        "hola", "quiero", "dos", "pizzas", "porfa", "ya", "listo", "con", "la", "de", "#", "-", "5")
                .list()
                .ofMaxSize(8)
                .map(l -> String.join(" ", l));
    }

    @Provide
    Arbitrary<String> addresses() {
        return Combinators.combine(
                        Arbitraries.of("calle", "cra", "carrera", "kr", "diagonal", "av calle"),
                        Arbitraries.integers().between(1, 199),
                        Arbitraries.integers().between(1, 199),
                        Arbitraries.integers().between(1, 99))
                .as((via, a, b, c) -> "%s %d # %d-%d".formatted(via, a, b, c));
    }

    @Property
    void an_address_anywhere_becomes_one_marker_and_leaves_the_other_words(
            @ForAll("words") String before, @ForAll("addresses") String address, @ForAll("words") String after) {
        ParsedMessage p = ParsedMessage.of(Role.CUSTOMER, before + " " + address + " " + after, LocalTime.NOON);

        assertThat(p.address()).isPresent();
        assertThat(p.marked()).contains(ParsedMessage.ADDRESS);
        assertThat(p.rest().length()).isEqualTo(p.folded().length());
    }

    @Property
    void any_text_with_times_prices_pins_and_references_parses_without_error_for_every_role(
            @ForAll("words") String a,
            @ForAll("addresses") String address,
            @ForAll("words") String b,
            @ForAll Role role) {
        String text = a + " en 20 minutos pin 4821 " + b + " " + address + " $ 12.000 pedido A7K2";

        ParsedMessage p = ParsedMessage.of(role, text, LocalTime.of(18, 30));

        assertThat(p.time()).isPresent();
        assertThat(p.marked()).contains(ParsedMessage.TIME);
        assertThat(p.rest()).doesNotContain("20 minutos");
    }
}
