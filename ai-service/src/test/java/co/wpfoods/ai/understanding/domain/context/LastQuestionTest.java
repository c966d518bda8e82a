package co.wpfoods.ai.understanding.domain.context;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.ai.understanding.domain.Intent;
import co.wpfoods.ai.understanding.domain.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class LastQuestionTest {

    @Test
    void a_confirmation_question_means_confirm_on_yes_and_cancel_on_no_for_a_customer() {
        LastQuestion q = LastQuestion.read(Role.CUSTOMER, "Total $31.500. ¿Confirmas tu pedido? (sí / no)")
                .orElseThrow();

        assertThat(q.yesNo()).isEqualTo(new LastQuestion.Answer(Intent.CONFIRM, Intent.CANCEL));
        assertThat(q.options()).isEmpty();
    }

    @Test
    void the_same_words_mean_nothing_for_a_role_that_is_not_asked_them() {
        assertThat(LastQuestion.read(Role.WORKER, "¿Confirmas tu pedido?")).isEmpty();
        assertThat(LastQuestion.read(Role.CUSTOMER, "¿Aceptas la oferta?")).isEmpty();
    }

    @Test
    void a_numbered_list_gives_its_lines_without_prices_spilling_into_them() {
        // given a list with prices and a question after it
        LastQuestion q = LastQuestion.read(
                        Role.CUSTOMER,
                        "Te recomiendo: 1. Pizza Diavola $38.000 2. Pizza Caprese $35.500. ¿Cuál te mando?")
                .orElseThrow();

        assertThat(q.options()).containsExactly("Pizza Diavola $38.000", "Pizza Caprese $35.500");
        assertThat(q.pick()).isEqualTo(new LastQuestion.Answer(Intent.ADD_TO_CART, null));
        assertThat(q.option(2)).contains("Pizza Caprese $35.500");
        assertThat(q.option(-1)).contains("Pizza Caprese $35.500");
        assertThat(q.option(3)).isEmpty();
    }

    @Test
    void a_list_on_separate_lines_and_one_with_parentheses_are_read_alike() {
        LastQuestion lines = LastQuestion.read(Role.CUSTOMER, "Elige restaurante\n1. Uno\n2. Dos\n3. Tres")
                .orElseThrow();
        LastQuestion parens = LastQuestion.read(Role.CUSTOMER, "Choose a restaurant: 1) Uno 2) Dos 3) Tres")
                .orElseThrow();

        assertThat(lines.options()).containsExactly("Uno", "Dos", "Tres");
        assertThat(parens.options()).containsExactly("Uno", "Dos", "Tres");
        assertThat(lines.pick().onYes()).isEqualTo(Intent.BROWSE);
        assertThat(parens.pick().onYes()).isEqualTo(Intent.BROWSE);
    }

    @Test
    void numbers_that_are_not_a_list_one_two_three_are_not_options() {
        // "2 Hamburguesas" and an address are not list markers
        assertThat(LastQuestion.read(Role.CUSTOMER, "Llevas 2 Hamburguesa BBQ a la Calle 45 # 13-20. ¿Algo más?")
                        .orElseThrow()
                        .options())
                .isEmpty();
    }

    @Test
    void the_newest_question_among_the_last_messages_is_the_one_answered() {
        List<String> recent = List.of("¿Aceptas la oferta?", "ya voy", "¿Ya recogiste el pedido 77A1?");

        LastQuestion q = LastQuestion.find(Role.WORKER, recent).orElseThrow();

        assertThat(q.yesNo().onYes()).isEqualTo(Intent.PICKED_UP);
    }

    @Test
    void a_question_asked_too_long_ago_is_not_answered_by_a_short_reply() {
        List<String> recent = List.of("¿Aceptas la oferta?", "hola", "listo voy", "gracias");

        assertThat(LastQuestion.find(Role.WORKER, recent)).isEmpty();
    }

    @Test
    void how_many_is_a_quantity_question_in_both_languages() {
        assertThat(LastQuestion.read(Role.CUSTOMER, "¿Cuántos quieres?")
                        .orElseThrow()
                        .quantity())
                .isNotNull();
        assertThat(LastQuestion.read(Role.CUSTOMER, "How many do you want?")
                        .orElseThrow()
                        .quantity())
                .isNotNull();
    }

    @Test
    void order_services_prompts_with_their_buttons_and_numbered_rows_are_read_as_our_questions() {
        // given the text order-service now sends as context: body + buttons' titles, or a list's numbered rows
        LastQuestion summary = LastQuestion.read(
                        Role.CUSTOMER,
                        "🧾 Tu pedido en La Brasa Rola:\n2 Hamburguesa BBQ\n*Total: $52.000* (Confirmar / Cambiar / Cancelar)")
                .orElseThrow();
        LastQuestion cancel = LastQuestion.read(Role.CUSTOMER, "Cancel order #A7K2? (Yes, cancel / No)")
                .orElseThrow();
        LastQuestion restaurants = LastQuestion.read(
                        Role.CUSTOMER,
                        "Hay 2 restaurantes abiertos cerca de ti. Elige uno:\n1. La Brasa Rola · 1.2 km · domicilio $3.000 · 25 min"
                                + "\n2. Pizzería Don Vito · 2.0 km · domicilio $4.000 · 30 min")
                .orElseThrow();

        assertThat(summary.yesNo()).isEqualTo(new LastQuestion.Answer(Intent.CONFIRM, Intent.CANCEL));
        assertThat(cancel.yesNo()).isEqualTo(new LastQuestion.Answer(Intent.CANCEL, null));
        assertThat(restaurants.pick().onYes()).isEqualTo(Intent.BROWSE);
        assertThat(restaurants.options()).hasSize(2);
        assertThat(restaurants.option(2).orElseThrow()).startsWith("Pizzería Don Vito");
    }
}
