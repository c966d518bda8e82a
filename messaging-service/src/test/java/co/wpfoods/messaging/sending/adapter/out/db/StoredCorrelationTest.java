package co.wpfoods.messaging.sending.adapter.out.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The outbound log keeps a correlation id without the recipient's number, and every other id as it came. */
class StoredCorrelationTest {

    @Test
    void a_conversation_reply_correlated_by_the_recipients_number_is_kept_without_it() {
        assertThat(JdbcOutboundLog.storedCorrelation("conv:573001234567", "573001234567"))
                .isEqualTo("conv:{to}");
        assertThat(JdbcOutboundLog.storedCorrelation("staff:573109990444", "573109990444"))
                .isEqualTo("staff:{to}");
    }

    @Test
    void order_and_privacy_correlations_which_the_erasure_and_the_purge_look_up_are_kept_as_they_came() {
        assertThat(JdbcOutboundLog.storedCorrelation("order:8841", "573001234567"))
                .isEqualTo("order:8841");
        assertThat(JdbcOutboundLog.storedCorrelation("privacy:e-1", "573001234567"))
                .isEqualTo("privacy:e-1");
    }

    @Test
    void a_command_without_a_recipient_or_a_correlation_changes_nothing() {
        assertThat(JdbcOutboundLog.storedCorrelation("conv:unknown", "unknown")).isEqualTo("conv:unknown");
        assertThat(JdbcOutboundLog.storedCorrelation(null, "573001234567")).isNull();
    }
}
