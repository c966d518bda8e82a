package co.wpfoods.ai.understanding.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class TextNormalizerProperties {

    @Property
    void folding_is_idempotent(@ForAll String text) {
        String once = TextNormalizer.fold(text);
        assertThat(TextNormalizer.fold(once)).isEqualTo(once);
    }

    @Property
    void tokens_are_lower_case_ascii_words(@ForAll String text) {
        assertThat(TextNormalizer.tokens(text)).allSatisfy(t -> assertThat(t).matches("[a-z0-9.]+"));
    }

    @Example
    void colombian_chat_spellings_are_expanded() {
        assertThat(TextNormalizer.canonical("Kiero 2 hamburgesas pa la casa xfa 🙏"))
                .isEqualTo("quiero 2 hamburgesas para la casa por favor gracias");
        assertThat(TextNormalizer.canonical("SIIII holaaaa")).isEqualTo("si hola");
        assertThat(TextNormalizer.canonical("Ñoquis, Jalapeño")).isEqualTo("noquis jalapeno");
    }
}
