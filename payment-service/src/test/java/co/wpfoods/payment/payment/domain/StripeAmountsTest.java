package co.wpfoods.payment.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StripeAmountsTest {

    @Test
    void pesos_go_to_stripe_in_centavos_because_cop_is_a_two_decimal_currency_there() {
        assertThat(StripeAmounts.toMinor(Cop.of(35_000))).isEqualTo(3_500_000L);
        assertThat(StripeAmounts.fromMinor(3_500_000L)).isEqualTo(Cop.of(35_000));
    }

    @Test
    void an_amount_over_twelve_digits_in_centavos_is_refused_before_reaching_stripe() {
        assertThat(StripeAmounts.toMinor(Cop.of(9_999_999_999L))).isEqualTo(999_999_999_900L);
        assertThatThrownBy(() -> StripeAmounts.toMinor(Cop.of(10_000_000_000L)))
                .isInstanceOf(InvalidPaymentException.class)
                .hasMessageContaining("12 digits");
    }
}
