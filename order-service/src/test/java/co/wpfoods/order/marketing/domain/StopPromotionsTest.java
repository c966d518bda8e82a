package co.wpfoods.order.marketing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StopPromotionsTest {

    static final String[] STOPS_ES = {
        "STOP",
        "para",
        "Basta!",
        "no más promociones",
        "no mas promos por favor",
        "No me envíen más ofertas",
        "no quiero recibir más publicidad",
        "cancelar las promociones"
    };
    static final String[] STOPS_EN = {"unsubscribe", "no more promotions", "Stop sending me offers", "opt out"};

    @ParameterizedTest(name = "\"{0}\" asks to stop promotions")
    @ValueSource(
            strings = {
                "STOP",
                "para",
                "Basta!",
                "no más promociones",
                "no mas promos por favor",
                "No me envíen más ofertas",
                "no quiero recibir más publicidad",
                "cancelar las promociones"
            })
    void spanish_ways_of_saying_no_more_promotions_are_read_as_a_withdrawal(String text) {
        assertThat(StopPromotions.asked(text)).isTrue();
        assertThat(StopPromotions.inEnglish(text)).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" asks to stop promotions, in English")
    @ValueSource(strings = {"unsubscribe", "no more promotions", "Stop sending me offers", "opt out"})
    void english_ways_of_saying_no_more_promotions_are_read_as_a_withdrawal_in_english(String text) {
        assertThat(StopPromotions.asked(text)).isTrue();
        assertThat(StopPromotions.inEnglish(text)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is not about promotions")
    @ValueSource(
            strings = {
                "una bandeja para dos",
                "para llevar por favor",
                "no más cebolla",
                "stop, wrong address",
                "quiero las promociones",
                "cancelar pedido",
                "hola"
            })
    void ordinary_messages_that_share_a_word_are_not_a_withdrawal(String text) {
        assertThat(StopPromotions.asked(text)).isFalse();
    }

    @Property
    void case_never_changes_the_answer(@ForAll("stops") String text, @ForAll boolean upper) {
        String changed = upper ? text.toUpperCase(Locale.ROOT) : text.toLowerCase(Locale.ROOT);

        assertThat(StopPromotions.asked(changed)).isTrue();
        assertThat(StopPromotions.inEnglish(changed)).isEqualTo(StopPromotions.inEnglish(text));
    }

    @Property
    void a_dish_order_with_para_in_it_is_never_a_withdrawal(
            @ForAll("dishes") String dish, @ForAll("people") String people) {
        assertThat(StopPromotions.asked("quiero " + dish + " para " + people)).isFalse();
    }

    @Provide
    Arbitrary<String> stops() {
        return Arbitraries.oneOf(Arbitraries.of(STOPS_ES), Arbitraries.of(STOPS_EN));
    }

    @Provide
    Arbitrary<String> dishes() {
        return Arbitraries.of("una bandeja", "dos ajiacos", "la promoción del día", "tres empanadas", "un jugo");
    }

    @Provide
    Arbitrary<String> people() {
        return Arbitraries.of("dos", "mi mamá", "llevar", "la oficina", "mañana");
    }
}
