package co.wpfoods.dispatch.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** How a worker's language is read from what they write. */
class WorkerLanguageProperties {

    static final List<String> ENGLISH = List.of("hello", "I want to go online please", "where is the order", "thanks");
    static final List<String> SPANISH = List.of("hola", "ya estoy disponible", "dónde queda el pedido", "gracias");

    @Property
    void numbers_pins_and_punctuation_never_decide_a_language(@ForAll("wordless") String text) {
        assertThat(WorkerLanguage.detected(text)).isEmpty();
        assertThat(WorkerLanguage.requested(text)).isEmpty();
    }

    @Property
    void asking_for_a_language_wins_over_the_words_around_it(
            @ForAll("sentences") String before, @ForAll("sentences") String after) {
        assertThat(WorkerLanguage.requested(before + " English please " + after))
                .contains(WorkerLanguage.ENGLISH);
        assertThat(WorkerLanguage.requested(before + " en español por favor " + after))
                .contains(WorkerLanguage.SPANISH);
    }

    @Property
    void a_message_in_one_language_is_read_as_that_language(@ForAll("sentences") String sentence) {
        Locale expected = ENGLISH.contains(sentence) ? WorkerLanguage.ENGLISH : WorkerLanguage.SPANISH;
        assertThat(WorkerLanguage.detected(sentence)).contains(expected);
        assertThat(WorkerLanguage.detected(sentence.toUpperCase(Locale.ROOT))).contains(expected);
    }

    @Example
    void words_both_languages_use_decide_nothing() {
        assertThat(WorkerLanguage.detected("ok")).isEmpty();
        assertThat(WorkerLanguage.detected("online")).isEmpty();
        assertThat(WorkerLanguage.detected("1234 ✅")).isEmpty();
    }

    @Provide
    Arbitrary<String> wordless() {
        return Arbitraries.strings().withChars("0123456789 .,!?#-+()✅👋").ofMaxLength(30);
    }

    @Provide
    Arbitrary<String> sentences() {
        return Arbitraries.oneOf(Arbitraries.of(ENGLISH), Arbitraries.of(SPANISH));
    }
}
