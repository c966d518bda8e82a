package co.wpfoods.ai.understanding.domain.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.wpfoods.ai.understanding.domain.Intent;
import co.wpfoods.ai.understanding.domain.Role;
import co.wpfoods.ai.understanding.domain.intent.TrainingCorpus.Example;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TrainingCorpusTest {

    static final String SLOTS = """
            @item
            pizza hawaiana
            (ajiaco|sancocho) de la casa
            @qty
            una
            dos
            """;

    @Test
    void alternatives_optional_parts_and_slots_are_rendered_and_the_slots_used_are_recorded() {
        List<Example> out = TrainingCorpus.generate(
                SLOTS, Map.of(Role.CUSTOMER, "== add_to_cart\n(quiero|dame) {qty} {item}[ porfa]\n"), 7, 50);

        assertThat(out).isNotEmpty().allSatisfy(e -> {
            assertThat(e.intent()).isEqualTo(Intent.ADD_TO_CART);
            assertThat(e.slots()).containsExactlyInAnyOrder("qty", "item");
            assertThat(e.text().toLowerCase()).doesNotContain("{", "}", "(", "|", "[");
        });
        Set<String> clean = out.stream().map(Example::text).collect(Collectors.toSet());
        assertThat(clean).contains("quiero una pizza hawaiana", "dame dos sancocho de la casa porfa");
    }

    @Test
    void the_same_seed_gives_the_same_corpus_and_another_seed_another_one() {
        String templates = "== search\n(tienen|hay) {item}[?]\n== add_to_cart\n{qty} {item}\n";
        var a = TrainingCorpus.generate(SLOTS, Map.of(Role.CUSTOMER, templates), 42, 8);
        var b = TrainingCorpus.generate(SLOTS, Map.of(Role.CUSTOMER, templates), 42, 8);
        var c = TrainingCorpus.generate(SLOTS, Map.of(Role.CUSTOMER, templates), 43, 8);

        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void a_template_under_an_intent_of_another_role_is_refused_with_its_line() {
        assertThatThrownBy(() -> TrainingCorpus.generate(SLOTS, Map.of(Role.WORKER, "== add_to_cart\n{item}\n"), 1, 2))
                .hasMessageContaining("line 1")
                .hasMessageContaining("add_to_cart");
    }

    @Test
    void an_unknown_slot_is_refused() {
        assertThatThrownBy(() -> TrainingCorpus.generate(SLOTS, Map.of(Role.CUSTOMER, "== greet\n{nombre}\n"), 1, 2))
                .hasMessageContaining("{nombre}");
    }
}
