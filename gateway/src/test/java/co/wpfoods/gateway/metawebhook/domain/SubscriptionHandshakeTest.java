package co.wpfoods.gateway.metawebhook.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubscriptionHandshakeTest {

    private final SubscriptionHandshake handshake = new SubscriptionHandshake("our-verify-token");

    @Test
    void echoes_the_challenge_when_mode_and_token_are_right() {
        assertThat(handshake.answer("subscribe", "our-verify-token", "1158201444"))
                .contains("1158201444");
    }

    @Test
    void refuses_a_wrong_token() {
        assertThat(handshake.answer("subscribe", "our-verify-tokeN", "1158201444"))
                .isEmpty();
        assertThat(handshake.answer("subscribe", "our-verify-token-and-more", "1158201444"))
                .isEmpty();
        assertThat(handshake.answer("subscribe", null, "1158201444")).isEmpty();
    }

    @Test
    void refuses_a_mode_other_than_subscribe() {
        assertThat(handshake.answer("unsubscribe", "our-verify-token", "1158201444"))
                .isEmpty();
        assertThat(handshake.answer(null, "our-verify-token", "1158201444")).isEmpty();
    }

    @Test
    void refuses_a_missing_challenge() {
        assertThat(handshake.answer("subscribe", "our-verify-token", null)).isEmpty();
        assertThat(handshake.answer("subscribe", "our-verify-token", "")).isEmpty();
    }

    @Test
    void refuses_everything_when_no_token_is_configured() {
        SubscriptionHandshake unconfigured = new SubscriptionHandshake("");

        assertThat(unconfigured.answer("subscribe", "", "1158201444")).isEmpty();
    }
}
