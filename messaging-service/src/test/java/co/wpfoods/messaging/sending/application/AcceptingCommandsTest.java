package co.wpfoods.messaging.sending.application;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.schemas.wa.OutboundCommands;
import co.wpfoods.schemas.wa.OutboundLimits;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The reason an invalid command is rejected for is stored and logged without a phone number. */
class AcceptingCommandsTest {

    @Test
    void the_reason_for_a_malformed_number_says_why_without_the_number() {
        // given a command whose number Meta would refuse (a '+' and spaces), as the limits describe it
        var command = OutboundCommands.to("573001234567")
                .commandId("cmd-1")
                .correlationId("order:8841")
                .createdAt(Instant.now())
                .text("Hola");
        command.getTo().setWaId("+57 300 123 4567");
        String reason = null;
        try {
            OutboundLimits.validate(command);
        } catch (IllegalArgumentException invalid) {
            reason = invalid.getMessage();
        }
        assertThat(reason).contains("300 123 4567");

        // when it is made fit to keep
        String kept = AcceptingCommands.withoutNumbers(reason);

        // then the why stays and the number goes
        assertThat(kept).startsWith("to.waId must be").doesNotContain("300", "4567");
    }

    @Test
    void figures_of_meta_limits_stay() {
        String reason = "text.body is 5000 chars; Meta allows at most 4096";

        assertThat(AcceptingCommands.withoutNumbers(reason)).isEqualTo(reason);
    }
}
