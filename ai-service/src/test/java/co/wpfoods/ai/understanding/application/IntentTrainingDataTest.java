package co.wpfoods.ai.understanding.application;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.ai.understanding.application.IntentTrainingData.Labelled;
import co.wpfoods.ai.understanding.domain.Intent;
import co.wpfoods.ai.understanding.domain.Role;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IntentTrainingDataTest {

    static List<Labelled> corpus;

    @BeforeAll
    static void generate() {
        corpus = IntentTrainingData.load();
    }

    @Test
    void every_intent_of_every_role_has_at_least_20_training_messages() {
        Map<String, Long> counts = corpus.stream()
                .collect(Collectors.groupingBy(l -> l.role() + " " + l.intent().wireName(), Collectors.counting()));
        for (Role role : Role.values()) {
            for (Intent intent : Intent.values()) {
                if (intent.appliesTo(role)) {
                    assertThat(counts.getOrDefault(role + " " + intent.wireName(), 0L))
                            .as("%s %s", role, intent.wireName())
                            .isGreaterThanOrEqualTo(20);
                }
            }
        }
        assertThat(corpus).hasSizeGreaterThan(4000);
    }

    @Test
    void the_corpus_has_one_word_messages_and_paragraphs_english_and_typos() {
        assertThat(corpus).anyMatch(l -> l.text().split(" ").length == 1);
        assertThat(corpus).anyMatch(l -> l.text().split(" ").length >= 15);
        assertThat(corpus).anyMatch(l -> l.text().startsWith("I'd like"));
        assertThat(corpus.stream().map(Labelled::template).distinct().count()).isGreaterThan(400);
    }

    @Test
    void dish_words_are_masked_and_parser_findings_become_features() {
        Labelled order = corpus.stream()
                .filter(l -> l.intent() == Intent.ADD_TO_CART && l.text().contains("hawaiana"))
                .findFirst()
                .orElseThrow();
        assertThat(order.features()).contains("w=zzitem", "s=items:specific").doesNotContain("w=hawaiana");

        Labelled address = corpus.stream()
                .filter(l -> l.intent() == Intent.CHANGE_ADDRESS && l.text().startsWith("calle 45"))
                .findFirst()
                .orElseThrow();
        assertThat(address.features()).contains("w=zzaddr", "s=address-alone");
    }

    @Test
    void the_fingerprint_is_stable_for_the_same_data() {
        assertThat(IntentTrainingData.fingerprint())
                .isEqualTo(IntentTrainingData.fingerprint())
                .hasSize(64);
    }
}
