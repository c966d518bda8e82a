package co.wpfoods.messaging.sending.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MessageStateProperties {

    private static final List<MessageState> RANKED = List.of(
            MessageState.ACCEPTED, MessageState.SENT, MessageState.DELIVERED, MessageState.READ, MessageState.PLAYED);

    @Provide
    Arbitrary<List<MessageState>> statusSequences() {
        return Arbitraries.of(
                        MessageState.SENT,
                        MessageState.DELIVERED,
                        MessageState.READ,
                        MessageState.PLAYED,
                        MessageState.FAILED)
                .list()
                .ofMaxSize(12);
    }

    @Property
    void statuses_in_any_order_never_move_a_message_backwards(@ForAll("statusSequences") List<MessageState> reports) {
        MessageState state = MessageState.ACCEPTED;
        for (MessageState report : reports) {
            MessageState next = state.onStatus(report);
            if (state == MessageState.FAILED) {
                assertThat(next).isEqualTo(MessageState.FAILED);
            } else if (next != MessageState.FAILED) {
                assertThat(RANKED.indexOf(next)).isGreaterThanOrEqualTo(RANKED.indexOf(state));
            }
            state = next;
        }
    }

    @Property
    void the_final_state_is_failed_if_any_failure_came_else_the_highest_status_reported(
            @ForAll("statusSequences") List<MessageState> reports) {
        MessageState state = MessageState.ACCEPTED;
        for (MessageState report : reports) {
            state = state.onStatus(report);
        }
        if (reports.contains(MessageState.FAILED)) {
            assertThat(state).isEqualTo(MessageState.FAILED);
        } else {
            MessageState highest = reports.stream()
                    .max(java.util.Comparator.comparingInt(RANKED::indexOf))
                    .orElse(MessageState.ACCEPTED);
            assertThat(state).isEqualTo(highest);
        }
    }

    @Property
    void applying_the_same_status_twice_changes_nothing_the_second_time(
            @ForAll("statusSequences") List<MessageState> reports) {
        MessageState state = MessageState.ACCEPTED;
        for (MessageState report : reports) {
            MessageState once = state.onStatus(report);
            assertThat(once.onStatus(report)).isEqualTo(once);
            state = once;
        }
    }

    @Property
    void any_status_settles_an_unanswered_send_and_takes_it_out_of_its_recipients_queue(
            @ForAll("statusSequences") List<MessageState> reports) {
        net.jqwik.api.Assume.that(!reports.isEmpty());
        MessageState state = MessageState.UNANSWERED;
        for (MessageState report : reports) {
            state = state.onStatus(report);
        }
        assertThat(state.isPending()).isFalse();
        assertThat(state)
                .isIn(
                        MessageState.SENT,
                        MessageState.DELIVERED,
                        MessageState.READ,
                        MessageState.PLAYED,
                        MessageState.FAILED);
    }
}
