package co.wpfoods.ai.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.ai.menus.adapter.out.lucene.LuceneMenuIndex;
import co.wpfoods.ai.understanding.adapter.out.lucene.LuceneSpellingCorrector;
import co.wpfoods.ai.understanding.adapter.out.opennlp.OpenNlpIntentModel;
import co.wpfoods.ai.understanding.application.OfflineEngine;
import co.wpfoods.ai.understanding.application.UnderstandRequest;
import co.wpfoods.ai.understanding.domain.Intent;
import co.wpfoods.ai.understanding.domain.IntentCandidate;
import co.wpfoods.ai.understanding.domain.ItemMention;
import co.wpfoods.ai.understanding.domain.PaymentMethod;
import co.wpfoods.ai.understanding.domain.Role;
import co.wpfoods.ai.understanding.domain.Understanding;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Short replies read against the conversation's last question (the request's {@code context.lastMessages}). */
class ContextRepliesTest {

    static OfflineEngine engine;

    @BeforeAll
    static void loadMenus() {
        LuceneMenuIndex index = new LuceneMenuIndex();
        NluCorpus.menus().forEach(index::publish);
        engine = new OfflineEngine(index, new LuceneSpellingCorrector(index), OpenNlpIntentModel.standard());
    }

    static Understanding reply(Role role, String restaurantId, List<String> last, String text) {
        return reply(role, restaurantId, last, List.of(), text);
    }

    static Understanding reply(
            Role role, String restaurantId, List<String> last, List<UnderstandRequest.CartLine> cart, String text) {
        return engine.understand(new UnderstandRequest(role, null, text, restaurantId, last, cart, LocalTime.NOON));
    }

    static Map<String, Integer> items(Understanding u) {
        return u.entities().items().stream()
                .collect(Collectors.toMap(ItemMention::itemId, ItemMention::quantity, Integer::sum));
    }

    @Test
    void a_no_to_our_confirmation_question_cancels_and_a_yes_confirms() {
        List<String> last = List.of("Tu pedido suma $45.800. ¿Confirmamos el pedido?");

        assertThat(reply(Role.CUSTOMER, "r-fonda", last, "nel").intent()).isEqualTo(Intent.CANCEL);
        assertThat(reply(Role.CUSTOMER, "r-fonda", last, "hágale pues").intent())
                .isEqualTo(Intent.CONFIRM);
        assertThat(reply(Role.CUSTOMER, "r-fonda", List.of("Should we place the order?"), "sure")
                        .intent())
                .isEqualTo(Intent.CONFIRM);
    }

    @Test
    void an_answer_the_question_decided_carries_that_intent_first_among_its_candidates() {
        Understanding u = reply(Role.CUSTOMER, "r-fonda", List.of("¿Confirmamos el pedido?"), "nel");

        assertThat(u.candidates().get(0)).isEqualTo(new IntentCandidate(Intent.CANCEL, u.confidence()));
        assertThat(u.candidates()).hasSizeLessThanOrEqualTo(OfflineEngine.CANDIDATES);
        assertThat(u.candidates().stream()
                        .mapToDouble(IntentCandidate::probability)
                        .sum())
                .isLessThanOrEqualTo(1.0 + 1e-9);
    }

    @Test
    void the_same_no_means_reject_for_a_restaurant_asked_to_accept_an_order_and_it_names_the_order() {
        Understanding u = reply(Role.RESTAURANT, "r-vito", List.of("Pedido nuevo #77K2. ¿Aceptas el pedido?"), "nones");

        assertThat(u.intent()).isEqualTo(Intent.ORDER_REJECT);
        assertThat(u.entities().orderReference()).isEqualTo("77K2");
    }

    @Test
    void a_rapitendero_saying_yes_or_no_to_an_offer_accepts_or_declines_it() {
        List<String> last = List.of("Oferta: Pizzería Don Vito → Chapinero, $7.200. ¿Tomas la oferta?");

        assertThat(reply(Role.WORKER, null, last, "sisas").intent()).isEqualTo(Intent.OFFER_ACCEPT);
        assertThat(reply(Role.WORKER, null, last, "no, gracias parce").intent()).isEqualTo(Intent.OFFER_DECLINE);
    }

    @Test
    void a_number_picks_a_restaurant_from_our_list_with_its_position() {
        List<String> last =
                List.of("¿De qué restaurante? 1. Pizzería Don Vito 2. La Fonda Santafereña 3. La Brasa Rola");

        Understanding u = reply(Role.CUSTOMER, null, last, "3");

        assertThat(u.intent()).isEqualTo(Intent.BROWSE);
        assertThat(u.entities().restaurantId()).isEqualTo("r-brasa");
        assertThat(u.entities().choice()).isEqualTo(3);
        assertThat(reply(Role.CUSTOMER, null, last, "el último").entities().restaurantId())
                .isEqualTo("r-brasa");
    }

    @Test
    void an_ordinal_picks_an_item_from_our_list_of_items() {
        List<String> last =
                List.of("Tenemos: 1. Sancocho Trifásico $28.000 2. Caldo de Costilla $14.000. ¿Cuál te provoca?");

        Understanding u = reply(Role.CUSTOMER, "r-fonda", last, "la segunda porfa");

        assertThat(u.intent()).isEqualTo(Intent.ADD_TO_CART);
        assertThat(items(u)).containsExactlyEntriesOf(Map.of("fd-caldo-de-costilla", 1));
        assertThat(u.entities().choice()).isEqualTo(2);
    }

    @Test
    void a_number_picks_the_way_to_pay() {
        List<String> last = List.of("Elige el medio de pago: 1. Efectivo 2. Daviplata 3. PSE");

        Understanding u = reply(Role.CUSTOMER, "r-vito", last, "opción 2");

        assertThat(u.intent()).isEqualTo(Intent.CHECKOUT);
        assertThat(u.entities().paymentMethod()).isEqualTo(PaymentMethod.DAVIPLATA);
    }

    @Test
    void a_number_off_the_list_is_read_on_its_own() {
        List<String> last = List.of("Elige restaurante: 1. Pizzería Don Vito 2. La Brasa Rola");

        Understanding withContext = reply(Role.CUSTOMER, null, last, "7");
        Understanding without = reply(Role.CUSTOMER, null, List.of(), "7");

        assertThat(withContext.intent()).isEqualTo(without.intent());
        assertThat(withContext.entities().choice()).isNull();
    }

    @Test
    void a_number_answering_how_many_is_the_quantity_of_the_item_the_question_names() {
        Understanding u = reply(Role.CUSTOMER, "r-brasa", List.of("¿Cuántos Choriperro te mando?"), "cinco");

        assertThat(u.intent()).isEqualTo(Intent.ADD_TO_CART);
        assertThat(items(u)).containsExactlyEntriesOf(Map.of("br-choriperro", 5));
        assertThat(u.entities().quantity()).isEqualTo(5);
    }

    @Test
    void a_number_answering_how_many_takes_the_item_the_person_named_just_before() {
        List<String> last = List.of("me antoje de una lechona tolimense", "¿Cuántas porciones?");

        Understanding u = reply(Role.CUSTOMER, "r-fonda", last, "3");

        assertThat(items(u)).containsExactlyEntriesOf(Map.of("fd-lechona-tolimense", 3));
    }

    @Test
    void lo_mismo_with_a_cart_is_another_of_its_last_line_and_without_a_cart_adds_nothing() {
        var cart = List.of(
                new UnderstandRequest.CartLine("vt-pizza-margarita", "Pizza Margarita", 1),
                new UnderstandRequest.CartLine("vt-pizza-diavola", "Pizza Diavola", 2));

        Understanding u = reply(Role.CUSTOMER, "r-vito", List.of("¿Algo más?"), cart, "otro igualito");

        assertThat(u.intent()).isEqualTo(Intent.ADD_TO_CART);
        assertThat(items(u)).containsExactlyEntriesOf(Map.of("vt-pizza-diavola", 1));
        assertThat(items(reply(Role.CUSTOMER, "r-vito", List.of("¿Algo más?"), "otro igualito")))
                .isEmpty();
    }

    @Test
    void a_short_reply_without_our_question_reads_as_it_does_today() {
        for (String text : List.of("sí", "no", "1", "dale", "nah")) {
            for (Role role : Role.values()) {
                Understanding with = reply(role, "r-brasa", List.of("hola", "buenas tardes"), text);
                Understanding without = reply(role, "r-brasa", List.of(), text);
                assertThat(with.intent()).as(role + " " + text).isEqualTo(without.intent());
                assertThat(with.confidence()).as(role + " " + text).isEqualTo(without.confidence());
            }
        }
    }

    @Test
    void a_message_that_says_more_than_yes_is_read_by_the_classifier_even_after_our_question() {
        Understanding u = reply(
                Role.CUSTOMER, "r-brasa", List.of("¿Confirmamos tu pedido?"), "sí pero agrégame una limonada cerezada");

        assertThat(u.intent()).isEqualTo(Intent.ADD_TO_CART);
        assertThat(items(u)).containsKey("br-limonada-cerezada");
    }
}
