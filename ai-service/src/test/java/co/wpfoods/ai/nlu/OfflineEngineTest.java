package co.wpfoods.ai.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.ai.menus.adapter.out.lucene.LuceneMenuIndex;
import co.wpfoods.ai.understanding.adapter.out.lucene.LuceneSpellingCorrector;
import co.wpfoods.ai.understanding.adapter.out.opennlp.OpenNlpIntentModel;
import co.wpfoods.ai.understanding.application.IntentModel;
import co.wpfoods.ai.understanding.application.IntentTrainingData;
import co.wpfoods.ai.understanding.application.OfflineEngine;
import co.wpfoods.ai.understanding.application.UnderstandRequest;
import co.wpfoods.ai.understanding.domain.Intent;
import co.wpfoods.ai.understanding.domain.IntentCandidate;
import co.wpfoods.ai.understanding.domain.ItemMention;
import co.wpfoods.ai.understanding.domain.Role;
import co.wpfoods.ai.understanding.domain.TimeRequest;
import co.wpfoods.ai.understanding.domain.Understanding;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the trained engine behaves on kinds of messages the issue names, with the three demo menus loaded. */
class OfflineEngineTest {

    static LuceneMenuIndex index;
    static OfflineEngine engine;

    @BeforeAll
    static void loadMenus() {
        index = new LuceneMenuIndex();
        NluCorpus.menus().forEach(index::publish);
        engine = new OfflineEngine(index, new LuceneSpellingCorrector(index), OpenNlpIntentModel.standard());
    }

    static Understanding understand(Role role, String text, String restaurantId) {
        return engine.understand(UnderstandRequest.of(role, text, restaurantId));
    }

    static Map<String, Integer> items(Understanding u) {
        return u.entities().items().stream()
                .collect(Collectors.toMap(ItemMention::itemId, ItemMention::quantity, Integer::sum));
    }

    @Test
    void every_answer_carries_up_to_three_candidates_with_probabilities_best_first() {
        Understanding u = understand(Role.CUSTOMER, "me regala una hamburguesa bbq porfa", "r-brasa");

        assertThat(u.candidates()).hasSizeBetween(1, OfflineEngine.CANDIDATES);
        assertThat(u.candidates()).isSortedAccordingTo((a, b) -> Double.compare(b.probability(), a.probability()));
        assertThat(u.candidates()).allSatisfy(c -> assertThat(c.probability()).isBetween(0.0, 1.0));
        assertThat(u.candidates().stream()
                        .mapToDouble(IntentCandidate::probability)
                        .sum())
                .isLessThanOrEqualTo(1.0 + 1e-9);
        assertThat(u.confidence())
                .isEqualTo(u.candidates().get(0).probability(), org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void when_no_intent_is_likely_enough_the_engine_answers_unknown_with_its_candidates() {
        IntentModel undecided = new IntentModel() {
            @Override
            public List<IntentCandidate> rank(Role role, List<String> features) {
                return List.of(
                        new IntentCandidate(Intent.CONFIRM, 0.2),
                        new IntentCandidate(Intent.ADD_TO_CART, 0.19),
                        new IntentCandidate(Intent.GREET, 0.18),
                        new IntentCandidate(Intent.HELP, 0.17));
            }

            @Override
            public double abstainBelow() {
                return 0.25;
            }
        };
        OfflineEngine unsure = new OfflineEngine(index, new LuceneSpellingCorrector(index), undecided);

        Understanding u = unsure.understand(UnderstandRequest.of(Role.CUSTOMER, "una hawaiana", "r-vito"));

        assertThat(u.intent()).isEqualTo(Intent.UNKNOWN);
        assertThat(u.entities().items()).isEmpty();
        assertThat(u.candidates())
                .extracting(IntentCandidate::intent)
                .containsExactly(Intent.CONFIRM, Intent.ADD_TO_CART, Intent.GREET);
    }

    @Test
    void training_twice_on_the_same_data_gives_the_same_probabilities() {
        var worker = IntentTrainingData.load().stream()
                .filter(l -> l.role() == Role.WORKER)
                .toList();
        var settings = OpenNlpIntentModel.Settings.load();
        var a = OpenNlpIntentModel.train(worker, settings);
        var b = OpenNlpIntentModel.train(worker, settings);

        for (var l : worker.subList(0, 50)) {
            assertThat(a.rank(Role.WORKER, l.features())).isEqualTo(b.rank(Role.WORKER, l.features()));
        }
    }

    @Test
    void a_generic_food_word_is_a_search_without_items() {
        Understanding u = understand(Role.CUSTOMER, "tienen algo de postre?", "r-brasa");

        assertThat(u.intent()).isEqualTo(Intent.SEARCH);
        assertThat(u.entities().items()).isEmpty();
    }

    @Test
    void a_question_about_a_price_is_a_search_for_that_item_not_an_order() {
        Understanding u = understand(Role.CUSTOMER, "cuanto cuesta la pizza hawaiana?", "r-vito");

        assertThat(u.intent()).isEqualTo(Intent.SEARCH);
        assertThat(items(u)).containsExactly(Map.entry("vt-pizza-hawaiana", 1));
    }

    @Test
    void a_complaint_that_names_an_item_orders_nothing() {
        Understanding u = understand(Role.CUSTOMER, "la pizza hawaiana llego helada y toda aplastada", "r-vito");

        assertThat(u.intent()).isEqualTo(Intent.COMPLAINT);
        assertThat(u.entities().items()).isEmpty();
    }

    @Test
    void a_long_order_with_several_items_and_a_payment_method_stays_an_order() {
        Understanding u = understand(
                Role.CUSTOMER,
                "buenas noches, para la casa: 3 hamburguesas bbq, 2 papas criollas, una coca cola de 1.5 y un"
                        + " brownie con helado, pagamos en efectivo",
                "r-brasa");

        assertThat(u.intent()).isEqualTo(Intent.ADD_TO_CART);
        assertThat(items(u))
                .containsEntry("br-hamburguesa-bbq", 3)
                .containsEntry("br-papas-criollas", 2)
                .containsEntry("br-brownie-con-helado", 1);
        assertThat(u.entities().paymentMethod()).isNotNull();
    }

    @Test
    void an_address_typed_alone_changes_the_delivery_address() {
        Understanding u = understand(Role.CUSTOMER, "carrera 9 # 80-15 apto 201", null);

        assertThat(u.intent()).isEqualTo(Intent.CHANGE_ADDRESS);
        assertThat(u.entities().address().normalized()).startsWith("Carrera 9 # 80-15");
    }

    @Test
    void a_rapitendero_saying_where_they_are_reports_a_location() {
        assertThat(understand(Role.WORKER, "voy por la avenida boyaca con 68", null)
                        .intent())
                .isEqualTo(Intent.REPORT_LOCATION);
    }

    @Test
    void a_rapitendero_with_a_broken_motorbike_reports_a_problem() {
        assertThat(understand(Role.WORKER, "se me daño la moto en la autopista, no puedo llegar", null)
                        .intent())
                .isEqualTo(Intent.REPORT_PROBLEM);
    }

    @Test
    void a_restaurant_accepting_with_a_time_is_an_accept_with_the_minutes() {
        Understanding u = understand(Role.RESTAURANT, "ok recibido, en 25 min sale", "r-brasa");

        assertThat(u.intent()).isEqualTo(Intent.ORDER_ACCEPT);
        assertThat(u.entities().time().kind()).isEqualTo(TimeRequest.Kind.IN);
        assertThat(u.entities().time().inMinutes()).isEqualTo(25);
    }

    @Test
    void otra_igual_with_a_cart_adds_another_of_the_last_line_and_without_a_cart_adds_nothing() {
        var cart = List.of(
                new UnderstandRequest.CartLine("br-coca-cola-400-ml", "Coca-Cola 400 ml", 1),
                new UnderstandRequest.CartLine("br-hamburguesa-bbq", "Hamburguesa BBQ", 1));
        Understanding withCart = engine.understand(new UnderstandRequest(
                Role.CUSTOMER, "es-CO", "dos más iguales", "r-brasa", List.of("¿Algo más?"), cart, null));
        Understanding withoutCart = understand(Role.CUSTOMER, "dos más iguales", "r-brasa");

        assertThat(withCart.intent()).isEqualTo(Intent.ADD_TO_CART);
        assertThat(items(withCart)).containsExactly(Map.entry("br-hamburguesa-bbq", 2));
        assertThat(withoutCart.entities().items()).isEmpty();
    }
}
