package co.wpfoods.ai.understanding.domain.context;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ShortReplyProperties {

    @Provide
    Arbitrary<String> yeses() {
        return Arbitraries.of(
                "sí",
                "Si",
                "SIII",
                "si señor",
                "dale",
                "de una",
                "listo",
                "ok",
                "👍",
                "sisas",
                "claro",
                "hágale",
                "yes",
                "yep",
                "yeah",
                "sure",
                "of course");
    }

    @Provide
    Arbitrary<String> noes() {
        return Arbitraries.of(
                "no", "NO", "nop", "nel", "mejor no", "todavía no", "nah", "nope", "no thanks", "not now");
    }

    @Provide
    Arbitrary<String> fillers() {
        return Arbitraries.of("", "porfa", "por favor", "gracias", "pues", "parce", "veci", "please", "thanks");
    }

    @Property(tries = 300)
    void a_yes_word_with_fillers_around_it_is_a_yes(
            @ForAll("yeses") String yes, @ForAll("fillers") String before, @ForAll("fillers") String after) {
        // given a yes word, maybe with politeness around it; when read; then it is a yes
        assertThat(ShortReply.of((before + " " + yes + ", " + after).strip())).containsInstanceOf(ShortReply.Yes.class);
    }

    @Property(tries = 300)
    void a_no_word_with_fillers_around_it_is_a_no(@ForAll("noes") String no, @ForAll("fillers") String after) {
        assertThat(ShortReply.of(no + " " + after)).containsInstanceOf(ShortReply.No.class);
    }

    @Property(tries = 300)
    void a_yes_and_a_no_together_are_not_a_short_reply(@ForAll("yeses") String yes, @ForAll("noes") String no) {
        // "sí… no" says nothing the last question could decide
        assertThat(ShortReply.of(yes + " " + no)).isEmpty();
    }

    @Property(tries = 200)
    void a_bare_number_or_one_after_a_lead_word_is_that_number(
            @ForAll @IntRange(min = 1, max = 99) int n, @ForAll("leads") String lead) {
        assertThat(ShortReply.of((lead + " " + n).strip())).contains(new ShortReply.Number(n, false));
    }

    @Provide
    Arbitrary<String> leads() {
        return Arbitraries.of("", "el", "la", "#", "número", "number", "opción", "option", "quiero la", "dame el");
    }

    @Property
    void ordinals_in_spanish_and_english_are_positions(@ForAll @IntRange(min = 0, max = 4) int i) {
        String[] es = {"el primero", "la segunda", "el tercero", "la cuarta", "el quinto"};
        String[] en = {"the first one", "the second", "third one", "the fourth", "fifth"};
        assertThat(ShortReply.of(es[i])).contains(new ShortReply.Number(i + 1, true));
        assertThat(ShortReply.of(en[i])).contains(new ShortReply.Number(i + 1, true));
    }

    @Property(tries = 200)
    void a_message_with_any_other_word_is_not_a_short_reply(
            @ForAll("yeses") String yes, @ForAll("content") String word) {
        // given a yes that goes on to say something else ("sí, y una coca"); then the classifier must read it
        assertThat(ShortReply.of(yes + " " + word)).isEmpty();
        assertThat(ShortReply.of("2 " + word)).isEmpty();
    }

    @Provide
    Arbitrary<String> content() {
        return Arbitraries.of(
                "hamburguesa",
                "y una coca",
                "cuanto vale",
                "pero sin cebolla",
                "a la 85 con 11",
                "pizza",
                "where is my order",
                "con tarjeta");
    }

    @Example
    void another_of_the_same_in_spanish_and_english_is_same() {
        for (String s :
                new String[] {"otra igual", "otro igualito porfa", "lo mismo", "same again", "one more please"}) {
            assertThat(ShortReply.of(s)).as(s).containsInstanceOf(ShortReply.Same.class);
        }
    }

    @Example
    void quantity_phrases_are_numbers() {
        assertThat(ShortReply.of("un par")).contains(new ShortReply.Number(2, false));
        assertThat(ShortReply.of("media docena")).contains(new ShortReply.Number(6, false));
        assertThat(ShortReply.of("solo una")).contains(new ShortReply.Number(1, false));
        assertThat(ShortReply.of("el último")).contains(new ShortReply.Number(-1, true));
    }

    @Example
    void politeness_alone_or_nothing_is_not_a_short_reply() {
        assertThat(ShortReply.of("gracias")).isEmpty();
        assertThat(ShortReply.of("")).isEmpty();
        assertThat(ShortReply.of("?")).isEmpty();
    }
}
