package co.wpfoods.ai.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.ai.menus.adapter.out.lucene.LuceneMenuIndex;
import co.wpfoods.ai.nlu.NluCorpus.Labelled;
import co.wpfoods.ai.understanding.adapter.out.lucene.LuceneSpellingCorrector;
import co.wpfoods.ai.understanding.adapter.out.opennlp.OpenNlpIntentModel;
import co.wpfoods.ai.understanding.application.OfflineEngine;
import co.wpfoods.ai.understanding.application.UnderstandRequest;
import co.wpfoods.ai.understanding.domain.Understanding;
import co.wpfoods.ai.understanding.domain.text.TextNormalizer;
import java.time.LocalTime;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A message that says more than a short reply means the same whatever the conversation sent before it. */
class ContextIndependenceProperties {

    private static final class Engine {
        static final OfflineEngine INSTANCE = build();

        static OfflineEngine build() {
            LuceneMenuIndex index = new LuceneMenuIndex();
            NluCorpus.menus().forEach(index::publish);
            return new OfflineEngine(index, new LuceneSpellingCorrector(index), OpenNlpIntentModel.standard());
        }
    }

    @Provide
    Arbitrary<Labelled> longMessages() {
        List<Labelled> all = NluCorpus.fresh().stream()
                .filter(u -> TextNormalizer.tokens(u.text()).size() >= 4)
                .toList();
        return Arbitraries.of(all);
    }

    /** Our own questions of every kind (yes/no, lists, quantities), others' words, and noise. */
    @Provide
    Arbitrary<String> earlierMessages() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "¿Confirmamos tu pedido? Responde sí o no",
                        "Elige un restaurante: 1. La Brasa Rola 2. Pizzería Don Vito 3. La Fonda Santafereña",
                        "¿Cuántas quieres?",
                        "Do you want to confirm your order?",
                        "¿Aceptas el pedido 1042?",
                        "¿Aceptas la oferta?",
                        "Estas son las pizzas: 1. Pizza Margarita 2. Pizza Hawaiana. ¿Cuál quieres?",
                        "¿Cómo vas a pagar? 1. Efectivo 2. Nequi",
                        "hola",
                        "sí",
                        "2"),
                Arbitraries.strings().ofMaxLength(80));
    }

    @Provide
    Arbitrary<List<String>> earlierConversations() {
        return earlierMessages().list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 150)
    void an_unrelated_or_any_earlier_conversation_never_changes_a_long_messages_intent_or_items(
            @ForAll("longMessages") Labelled message, @ForAll("earlierConversations") List<String> earlier) {
        // given a message of four words or more from the fresh set, read without context
        Understanding alone = read(message, List.of());

        // when the same message comes after any recent messages
        Understanding after = read(message, earlier);

        // then its intent, confidence and items are the same
        assertThat(after.intent()).isEqualTo(alone.intent());
        assertThat(after.confidence()).isEqualTo(alone.confidence());
        assertThat(after.entities().items()).isEqualTo(alone.entities().items());
        assertThat(after.entities().choice()).isNull();
    }

    private static Understanding read(Labelled m, List<String> lastMessages) {
        return Engine.INSTANCE.understand(new UnderstandRequest(
                m.role(), null, m.text(), m.restaurantId(), lastMessages, List.of(), LocalTime.NOON));
    }
}
