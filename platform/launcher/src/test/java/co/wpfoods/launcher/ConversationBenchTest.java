package co.wpfoods.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.wpfoods.launcher.ConversationBench.Kind;
import co.wpfoods.launcher.ConversationBench.Reply;
import co.wpfoods.launcher.ConversationBench.Settings;
import co.wpfoods.launcher.ConversationBench.Turn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench's own parts that need no platform: its options, and reading the replies a customer taps. */
class ConversationBenchTest {

    @Test
    void the_bench_takes_its_own_options_and_leaves_the_launchers() {
        // given a command line with bench and launcher options mixed
        List<String> args = new ArrayList<>(
                List.of("--customers", "10", "--port-offset", "5", "--duration", "30", "--think-ms", "500"));

        // when the bench reads it
        Settings settings = Settings.parse(args);

        // then it has its figures and the launcher's option is left for the launcher
        assertThat(settings.customers()).isEqualTo(10);
        assertThat(settings.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.think()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.baselineRate()).isEqualTo(Settings.DEFAULTS.baselineRate());
        assertThat(args).containsExactly("--port-offset", "5");
    }

    @Test
    void without_options_the_bench_runs_the_issues_figures() {
        Settings settings = Settings.parse(new ArrayList<>());

        assertThat(settings.customers()).isEqualTo(200);
        assertThat(settings.think()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.baselineRate()).isEqualTo(5);
    }

    @Test
    void an_option_without_its_value_or_a_customer_count_of_zero_is_refused() {
        assertThatThrownBy(() -> Settings.parse(new ArrayList<>(List.of("--customers"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--customers");
        assertThatThrownBy(() -> Settings.parse(new ArrayList<>(List.of("--customers", "0"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_customer_taps_what_the_reply_offers_a_button_as_a_button_and_a_row_as_a_list_reply() {
        // given a reply with buttons and one with a list, as the Graph API received them
        Reply buttons = reply("{\"to\":\"573010000001\",\"type\":\"interactive\",\"interactive\":{\"type\":\"button\","
                + "\"body\":{\"text\":\"¿Aceptas?\"},\"action\":{\"buttons\":[{\"type\":\"reply\",\"reply\":"
                + "{\"id\":\"consent:yes\",\"title\":\"Acepto\"}},{\"type\":\"reply\",\"reply\":{\"id\":\"consent:no\","
                + "\"title\":\"No acepto\"}}]}}}");
        Reply list = reply("{\"to\":\"573010000001\",\"type\":\"interactive\",\"interactive\":{\"type\":\"list\","
                + "\"body\":{\"text\":\"Hay 2 restaurantes\"},\"action\":{\"button\":\"Ver\",\"sections\":[{\"title\":"
                + "\"Cerca\",\"rows\":[{\"id\":\"rest:r-1\",\"title\":\"La Brasa Rola\"},{\"id\":\"rest:r-2\","
                + "\"title\":\"La Fonda Paisa\"}]}]}}}");

        // then the bench finds what to tap and taps it the way a phone does
        assertThat(buttons.interactive()).isTrue();
        assertThat(buttons.choices()).containsExactly("consent:yes", "consent:no");
        assertThat(ConversationBench.tap(turn(buttons), "consent:yes")
                        .path("type")
                        .asString())
                .isEqualTo("button_reply");
        assertThat(list.rowTitled("La Fonda Paisa")).isEqualTo("rest:r-2");
        assertThat(ConversationBench.tap(turn(list), "rest:r-1").path("type").asString())
                .isEqualTo("list_reply");
        assertThat(list.text()).isEqualTo("Hay 2 restaurantes");
    }

    @Test
    void a_tap_the_reply_does_not_offer_breaks_the_script_instead_of_sending_something_meta_would_not() {
        Reply text = reply("{\"to\":\"573010000001\",\"type\":\"text\",\"text\":{\"body\":\"¡Gracias!\"}}");

        assertThat(text.interactive()).isFalse();
        assertThatThrownBy(() -> ConversationBench.tap(turn(text), "pay:cash"))
                .isInstanceOf(ConversationBench.ScriptBroken.class)
                .hasMessageContaining("pay:cash");
    }

    @Test
    void a_turns_latency_runs_from_the_send_to_the_first_reply_and_a_turn_without_replies_is_lost() {
        Reply first = new Reply("573010000001", 1_120, "c1", ConversationBench.JSON.createObjectNode());
        Reply second = new Reply("573010000001", 1_150, "c2", ConversationBench.JSON.createObjectNode());
        Turn answered = new Turn(Kind.SIMPLE, "hola", 1_000, "wamid.1", List.of(first, second), true, true);
        Turn lost = new Turn(Kind.SIMPLE, "hola", 1_000, "wamid.2", List.of(), true, true);

        assertThat(answered.firstReplyMs()).isEqualTo(120);
        assertThat(answered.lastReplyMs()).isEqualTo(150);
        assertThat(answered.lost()).isFalse();
        assertThat(lost.lost()).isTrue();
    }

    private static Reply reply(String body) {
        return new Reply("573010000001", 0, "cb", ConversationBench.JSON.readTree(body));
    }

    private static Turn turn(Reply reply) {
        return new Turn(Kind.SIMPLE, "step", 0, "wamid.x", List.of(reply), false, true);
    }
}
