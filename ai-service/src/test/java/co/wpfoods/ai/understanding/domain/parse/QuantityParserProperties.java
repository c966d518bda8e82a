package co.wpfoods.ai.understanding.domain.parse;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.ai.understanding.domain.text.TextNormalizer;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class QuantityParserProperties {

    private static final String[] SPANISH = {
        "", "una", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce"
    };
    private static final String[] ENGLISH = {
        "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"
    };

    @Property(tries = 200)
    void digits_before_the_item_are_the_quantity(@ForAll @IntRange(min = 1, max = 99) int n) {
        assertThat(quantity("quiero " + n + " empanadas de pollo")).isEqualTo(n);
    }

    @Property
    void number_words_in_spanish_and_english(@ForAll @IntRange(min = 1, max = 12) int n, @ForAll boolean english) {
        String word = english ? ENGLISH[n] : SPANISH[n];
        assertThat(quantity("me regala " + word + " hamburguesas")).isEqualTo(n);
    }

    @Property
    void a_trailing_multiplier_is_read(@ForAll @IntRange(min = 1, max = 99) int n, @ForAll boolean spaced) {
        var tokens = TextNormalizer.tokens("yuca frita " + (spaced ? "x " : "x") + n);
        assertThat(QuantityParser.findMultiplier(tokens).orElseThrow().value()).isEqualTo(n);
    }

    @Property
    void a_number_after_de_or_before_a_unit_is_not_a_quantity(@ForAll @IntRange(min = 2, max = 99) int n) {
        assertThat(QuantityParser.find(TextNormalizer.tokens("alitas bbq de " + n)))
                .isEmpty();
        assertThat(QuantityParser.find(TextNormalizer.tokens("coca cola " + n + " ml")))
                .isEmpty();
    }

    @Example
    void colombian_quantity_phrases() {
        assertThat(quantity("un par de malteadas")).isEqualTo(2);
        assertThat(quantity("media docena de empanadas")).isEqualTo(6);
        assertThat(quantity("una docena de coronas")).isEqualTo(12);
        assertThat(quantity("dos docenas de buñuelos")).isEqualTo(24);
        assertThat(quantity("a couple of beers")).isEqualTo(2);
        assertThat(quantity("half a dozen wings")).isEqualTo(6);
        assertThat(quantity("2x hawaianas")).isEqualTo(2);
    }

    private static int quantity(String text) {
        return QuantityParser.find(TextNormalizer.tokens(text)).orElseThrow().value();
    }
}
