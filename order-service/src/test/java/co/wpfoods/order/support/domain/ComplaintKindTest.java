package co.wpfoods.order.support.domain;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComplaintKindTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "me faltó el jugo de lulo|MISSING_ITEM",
                "No vino la limonada, falta la gaseosa|MISSING_ITEM",
                "they forgot my drink|MISSING_ITEM",
                "me trajeron otro plato, no es lo que pedí|WRONG_ITEM",
                "wrong burger|WRONG_ITEM",
                "la sopa llegó FRÍA|COLD_FOOD",
                "the food was cold|COLD_FOOD",
                "el pedido llegó muy tarde|LATE_DELIVERY",
                "my order still not here, it is delayed|LATE_DELIVERY",
                "el domiciliario fue grosero|RAPITENDERO",
                "the rapitendero was rude to me|RAPITENDERO",
                "me cobraron dos veces|PAYMENT",
                "I want a refund|PAYMENT"
            })
    void the_words_of_a_complaint_say_its_kind_in_spanish_and_english(String text, ComplaintKind kind) {
        assertThat(ComplaintKind.of(text)).contains(kind);
    }

    @ParameterizedTest(name = "\"{0}\" asks")
    @CsvSource(
            delimiter = '|',
            value = {
                "no me gustó nada",
                "tengo un problema",
                "llegó tarde y frío",
                "buenas tardes, quiero poner una queja",
                "''"
            })
    void words_that_name_no_kind_or_several_leave_it_to_the_customer(String text) {
        assertThat(ComplaintKind.of(text)).isEmpty();
    }

    @Property
    void case_and_accents_never_change_the_kind(@ForAll("complaints") String text, @ForAll boolean upper) {
        String shouted = upper ? text.toUpperCase(java.util.Locale.ROOT) : text;
        String plain = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        assertThat(ComplaintKind.of(shouted)).isEqualTo(ComplaintKind.of(plain));
    }

    @Property
    void only_the_kitchens_kinds_belong_to_the_restaurant(@ForAll ComplaintKind kind) {
        boolean kitchen = kind == ComplaintKind.MISSING_ITEM
                || kind == ComplaintKind.WRONG_ITEM
                || kind == ComplaintKind.COLD_FOOD;
        assertThat(kind.owner()).isEqualTo(kitchen ? ComplaintKind.Owner.RESTAURANT : ComplaintKind.Owner.OPS);
    }

    @Provide
    Arbitrary<String> complaints() {
        var words = Arbitraries.of(
                "me",
                "faltó",
                "llegó",
                "frío",
                "tarde",
                "el",
                "domiciliario",
                "cobró",
                "pedido",
                "sopa",
                "equivocado",
                "wrong",
                "cold",
                "late",
                "refund",
                "rápido",
                "está",
                "ají");
        return words.list().ofMinSize(1).ofMaxSize(8).map(l -> String.join(" ", l));
    }
}
