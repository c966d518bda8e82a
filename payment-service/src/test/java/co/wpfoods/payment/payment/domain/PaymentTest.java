package co.wpfoods.payment.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PaymentTest {

    @Test
    void a_card_payment_paid_twice_is_charged_once() {
        // given a card payment whose checkout is open
        Payment payment = PaymentMother.pendingCard(35_000)
                .checkoutOpened(new Payment.Checkout("cs_1", "https://pay", PaymentMother.NOW), PaymentMother.NOW)
                .payment();

        // when the provider says it was paid, twice
        var first = payment.complete("pi_1", PaymentMother.NOW);
        var second = first.payment().complete("pi_1", PaymentMother.NOW);

        // then it is completed once, for the order's total
        assertThat(first.events()).hasSize(1);
        assertThat(second.events()).isEmpty();
        assertThat(second.payment().captured()).isEqualTo(Cop.of(35_000));
        assertThat(second.payment().status()).isEqualTo(PaymentStatus.COMPLETED);
    }

    @Test
    void a_payment_that_arrives_after_the_order_was_cancelled_owes_a_refund() {
        Payment cancelled =
                PaymentMother.pendingCard(35_000).orderWasCancelled().payment();
        assertThat(cancelled.status()).isEqualTo(PaymentStatus.CANCELLED);

        Payment paidLate = cancelled.complete("pi_1", PaymentMother.NOW).payment();

        assertThat(paidLate.owesRefund()).isTrue();
        assertThat(paidLate.refundable()).isEqualTo(Cop.of(35_000));
    }

    @Test
    void a_refund_cannot_exceed_what_is_still_refundable() {
        Payment paid = PaymentMother.paidCard(35_000).reserveRefund(Cop.of(20_000));

        assertThatThrownBy(() -> paid.reserveRefund(Cop.of(15_001)))
                .isInstanceOf(InvalidPaymentException.class)
                .hasMessageContaining("15000");
    }

    @Test
    void a_partial_refund_leaves_the_payment_partially_refunded_and_the_rest_fully_refunded() {
        Payment paid = PaymentMother.paidCard(35_000);

        var partial = paid.reserveRefund(Cop.of(12_000))
                .refundSucceeded(Cop.of(12_000), "missing item", "re_1", PaymentMother.NOW);
        assertThat(partial.payment().status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(((PaymentEvent.Refunded) partial.events().getFirst()).partial())
                .isTrue();

        var rest = partial.payment()
                .reserveRefund(Cop.of(23_000))
                .refundSucceeded(Cop.of(23_000), "cancelled", "re_2", PaymentMother.NOW);
        assertThat(rest.payment().status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(((PaymentEvent.Refunded) rest.events().getFirst()).partial()).isFalse();
    }

    @Test
    void iva_included_in_a_price_is_nineteen_of_one_hundred_nineteen_parts() {
        assertThat(OrderDetails.includedIva(Cop.of(119_000))).isEqualTo(Cop.of(19_000));
        assertThat(OrderDetails.includedIva(Cop.of(35_000))).isEqualTo(Cop.of(5_588));
    }
}
