package co.wpfoods.messaging.sending.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CustomerServiceWindowTest {

    private final CustomerServiceWindow window =
            new CustomerServiceWindow(Duration.ofHours(24), Duration.ofMinutes(10));
    private final Instant lastMessage = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void is_open_until_24_hours_minus_the_safety_margin_after_the_users_message() {
        assertThat(window.isOpen(lastMessage, lastMessage.plus(Duration.ofHours(23))))
                .isTrue();
        assertThat(window.isOpen(lastMessage, lastMessage.plus(Duration.ofMinutes(23 * 60 + 49))))
                .isTrue();
        assertThat(window.isOpen(lastMessage, lastMessage.plus(Duration.ofMinutes(23 * 60 + 50))))
                .isFalse();
    }

    @Test
    void is_closed_for_a_user_who_never_wrote() {
        assertThat(window.isOpen(null, lastMessage)).isFalse();
    }

    @Test
    void only_templates_and_mark_read_go_out_without_a_window() {
        assertThat(CustomerServiceWindow.needsWindow(OutboundKindView.TEMPLATE)).isFalse();
        assertThat(CustomerServiceWindow.needsWindow(OutboundKindView.MARK_READ))
                .isFalse();
        assertThat(CustomerServiceWindow.needsWindow(OutboundKindView.TEXT)).isTrue();
        assertThat(CustomerServiceWindow.needsWindow(OutboundKindView.REACTION)).isTrue();
    }
}
