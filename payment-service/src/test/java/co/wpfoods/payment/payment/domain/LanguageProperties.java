package co.wpfoods.payment.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LanguageProperties {

    @Example
    void english_tags_read_as_english_and_spanish_or_missing_ones_as_spanish() {
        assertThat(Language.of("en")).isEqualTo(Language.EN);
        assertThat(Language.of("en-US")).isEqualTo(Language.EN);
        assertThat(Language.of(" EN ")).isEqualTo(Language.EN);
        assertThat(Language.of("es")).isEqualTo(Language.ES);
        assertThat(Language.of("es-CO")).isEqualTo(Language.ES);
        assertThat(Language.of(null)).isEqualTo(Language.ES);
        assertThat(Language.of("")).isEqualTo(Language.ES);
        assertThat(Language.of("pt-BR")).isEqualTo(Language.ES);
        assertThat(Language.ES.locale()).isEqualTo(Locale.forLanguageTag("es-CO"));
    }

    @Property
    void any_text_reads_as_spanish_or_english_without_failing(@ForAll String tag) {
        assertThat(Language.of(tag)).isIn(Language.ES, Language.EN);
    }

    @Property
    void english_with_any_region_is_english_and_other_languages_are_spanish(
            @ForAll("regions") String region, @ForAll("others") String other) {
        assertThat(Language.of("en-" + region)).isEqualTo(Language.EN);
        assertThat(Language.of(other + "-" + region)).isEqualTo(Language.ES);
    }

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.strings().withCharRange('A', 'Z').ofLength(2);
    }

    @Provide
    Arbitrary<String> others() {
        return Arbitraries.of("es", "pt", "fr", "de", "it", "qu", "zh", "ar");
    }
}
