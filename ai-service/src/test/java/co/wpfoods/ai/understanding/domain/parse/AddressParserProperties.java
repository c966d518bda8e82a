package co.wpfoods.ai.understanding.domain.parse;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.ai.understanding.domain.Address;
import co.wpfoods.ai.understanding.domain.Address.ViaType;
import co.wpfoods.ai.understanding.domain.text.TextNormalizer;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class AddressParserProperties {

    private static final Map<String, ViaType> VIAS = Map.ofEntries(
            Map.entry("Calle", ViaType.CALLE),
            Map.entry("calle", ViaType.CALLE),
            Map.entry("Cll", ViaType.CALLE),
            Map.entry("Cl.", ViaType.CALLE),
            Map.entry("Carrera", ViaType.CARRERA),
            Map.entry("Cra", ViaType.CARRERA),
            Map.entry("cra.", ViaType.CARRERA),
            Map.entry("Kr", ViaType.CARRERA),
            Map.entry("KRA", ViaType.CARRERA),
            Map.entry("Transversal", ViaType.TRANSVERSAL),
            Map.entry("Tv", ViaType.TRANSVERSAL),
            Map.entry("Diagonal", ViaType.DIAGONAL),
            Map.entry("Dg", ViaType.DIAGONAL),
            Map.entry("Av. Calle", ViaType.AVENIDA_CALLE),
            Map.entry("AC", ViaType.AVENIDA_CALLE),
            Map.entry("Avenida Carrera", ViaType.AVENIDA_CARRERA),
            Map.entry("AK", ViaType.AVENIDA_CARRERA));

    @Provide
    Arbitrary<String> via() {
        return Arbitraries.of(VIAS.keySet());
    }

    @Provide
    Arbitrary<String> number() {
        return Arbitraries.integers()
                .between(1, 199)
                .flatMap(n -> Arbitraries.of("", "A", "B", "C", " Bis", "a").map(s -> n + s));
    }

    @Provide
    Arbitrary<String> separator() {
        return Arbitraries.of(" # ", "#", " No. ", " no ", " N° ", " nro ", " # ");
    }

    @Provide
    Arbitrary<String> sentence() {
        return Arbitraries.of(
                "%s", "mandelo a la %s porfa", "la dirección es %s", "Deliver to %s please", "%s, gracias 🙏");
    }

    @Property(tries = 300)
    void a_plate_address_is_read_back_whatever_the_spelling(
            @ForAll("via") String via,
            @ForAll("number") String street,
            @ForAll("separator") String sep,
            @ForAll("number") String cross,
            @ForAll @IntRange(min = 1, max = 199) int plate,
            @ForAll boolean sur,
            @ForAll boolean apto,
            @ForAll("sentence") String sentence) {
        String text = via + " " + street + sep + cross + "-" + plate + (sur ? " sur" : "") + (apto ? " apto 301" : "");
        var found = AddressParser.find(TextNormalizer.fold(sentence.formatted(text)));

        assertThat(found).isPresent();
        Address a = found.get().value();
        assertThat(a.viaType()).isEqualTo(VIAS.get(via));
        assertThat(a.viaNumber()).isEqualTo(AddressParser.clean(street));
        assertThat(a.crossNumber()).isEqualTo(AddressParser.clean(cross));
        assertThat(a.plate()).isEqualTo(String.valueOf(plate));
        assertThat(a.zone()).isEqualTo(sur ? "sur" : null);
        assertThat(a.complement()).isEqualTo(apto ? "apto 301" : null);
    }

    @Property(tries = 200)
    void an_intersection_is_read_back(
            @ForAll("via") String via,
            @ForAll @IntRange(min = 1, max = 199) int street,
            @ForAll @IntRange(min = 1, max = 199) int cross,
            @ForAll("sentence") String sentence) {
        var found = AddressParser.find(TextNormalizer.fold(sentence.formatted(via + " " + street + " con " + cross)));

        assertThat(found).isPresent();
        assertThat(found.get().value().isIntersection()).isTrue();
        assertThat(found.get().value().viaNumber()).isEqualTo(String.valueOf(street));
        assertThat(found.get().value().crossNumber()).isEqualTo(String.valueOf(cross));
    }

    @Property(tries = 100)
    void the_spoken_la_85_con_11_is_an_intersection_without_via_type(
            @ForAll @IntRange(min = 1, max = 199) int street, @ForAll @IntRange(min = 1, max = 199) int cross) {
        var found = AddressParser.find(TextNormalizer.fold("kiero 2 hamburgesas pa la " + street + " con " + cross));

        assertThat(found).isPresent();
        assertThat(found.get().value().viaType()).isNull();
        assertThat(found.get().value().normalized()).isEqualTo(street + " con " + cross);
    }

    @Property(tries = 100)
    void text_without_a_street_word_has_no_address(@ForAll("plainText") String text) {
        assertThat(AddressParser.find(TextNormalizer.fold(text))).isEmpty();
    }

    @Provide
    Arbitrary<String> plainText() {
        return Arbitraries.of(
                "2 hamburguesas y 1 coca",
                "pin 4521",
                "a las 8:30 pm",
                "quiero 3 empanadas de pollo",
                "pedido 4521 listo");
    }

    @Example
    void normalizes_a_typical_bogota_address() {
        var a = AddressParser.find(TextNormalizer.fold("Calle 85 # 11-53 apto 301"))
                .orElseThrow()
                .value();
        assertThat(a.normalized()).isEqualTo("Calle 85 # 11-53, apto 301");
        var b = AddressParser.find(TextNormalizer.fold("av calle 26 sur # 68c-10"))
                .orElseThrow()
                .value();
        assertThat(b.normalized()).isEqualTo("Avenida Calle 26 # 68C-10 Sur");
    }
}
