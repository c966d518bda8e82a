package co.wpfoods.payment.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.payment.payment.domain.LedgerEntry.Account;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * For any sequence of payment events (payments, duplicates, failures, late payments, cancellations, refunds asked,
 * granted, refused, made at the provider), the ledger balances and no order is charged more than its total.
 */
class PaymentLedgerProperties {

    sealed interface Step {
        record Complete() implements Step {}

        record Fail() implements Step {}

        record CancelOrder() implements Step {}

        record AskRefund(long amount) implements Step {}

        record GrantRefund() implements Step {}

        record RefuseRefund() implements Step {}

        record ProviderRefund(long amount) implements Step {}

        record OpenCheckout() implements Step {}
    }

    @Property(tries = 500)
    void the_ledger_balances_and_no_order_is_charged_more_than_its_total(
            @ForAll boolean cash,
            @ForAll @LongRange(min = 2_000, max = 2_000_000) long total,
            @ForAll("steps") List<Step> steps) {
        Payment payment = cash ? PaymentMother.pendingCash(total) : PaymentMother.pendingCard(total);
        var entries = new ArrayList<LedgerEntry>();
        var pendingRefunds = new ArrayList<Cop>();
        int n = 0;
        for (Step step : steps) {
            n++;
            Payment.Change change = switch (step) {
                case Step.OpenCheckout o ->
                    payment.checkoutOpened(
                            new Payment.Checkout("cs_" + n, "https://pay/" + n, PaymentMother.NOW), PaymentMother.NOW);
                case Step.Complete c -> payment.complete(cash ? null : "pi_1", PaymentMother.NOW);
                case Step.Fail f -> payment.fail(FailureReason.EXPIRED, "late", PaymentMother.NOW);
                case Step.CancelOrder c -> payment.orderWasCancelled();
                case Step.AskRefund r -> {
                    Cop amount =
                            Cop.of(Math.min(r.amount(), payment.refundable().value()));
                    if (cash || amount.isZero() || !payment.status().captured()) {
                        yield new Payment.Change(payment, List.of());
                    }
                    pendingRefunds.add(amount);
                    yield new Payment.Change(payment.reserveRefund(amount), List.of());
                }
                case Step.GrantRefund g ->
                    pendingRefunds.isEmpty()
                            ? new Payment.Change(payment, List.of())
                            : payment.refundSucceeded(
                                    pendingRefunds.removeFirst(), "missing item", "re_" + n, PaymentMother.NOW);
                case Step.RefuseRefund r ->
                    pendingRefunds.isEmpty()
                            ? new Payment.Change(payment, List.of())
                            : new Payment.Change(payment.refundFailed(pendingRefunds.removeFirst()), List.of());
                case Step.ProviderRefund r ->
                    payment.refundedAtProvider(Cop.of(r.amount()), "dashboard", "re_p" + n, PaymentMother.NOW);
            };
            payment = change.payment();
            change.events().forEach(e -> entries.addAll(LedgerEntry.of(e)));
        }
        var ledger = new Ledger(entries);

        // the books balance: every peso that entered an account left another
        assertThat(ledger.balances().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isZero();
        // no order is charged more than its total, nor refunded more than it paid
        assertThat(ledger.charged()).isLessThanOrEqualTo(total);
        assertThat(ledger.refunded()).isLessThanOrEqualTo(ledger.charged());
        // the payment says what the ledger says
        assertThat(ledger.charged()).isEqualTo(payment.captured().value());
        assertThat(ledger.refunded()).isEqualTo(payment.refunded().value());
        assertThat(-ledger.balances().get(Account.CUSTOMER)).isEqualTo(ledger.held());
        assertThat(ledger.balances().get(Account.CARD_PROVIDER)
                        + ledger.balances().get(Account.CASH_WITH_WORKER))
                .isEqualTo(ledger.held());
        if (cash) {
            assertThat(ledger.refunded()).isZero();
        }
        // a paid payment is fully charged, and refunds decide the final status
        if (payment.status().captured()) {
            assertThat(payment.captured().value()).isEqualTo(total);
        }
        if (payment.status() == PaymentStatus.REFUNDED) {
            assertThat(ledger.held()).isZero();
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Long> amounts = Arbitraries.longs().between(1, 2_500_000);
        Arbitrary<Step> step = Arbitraries.oneOf(
                Arbitraries.just(new Step.Complete()),
                Arbitraries.just(new Step.Fail()),
                Arbitraries.just(new Step.CancelOrder()),
                Arbitraries.just(new Step.OpenCheckout()),
                amounts.map(Step.AskRefund::new),
                Arbitraries.just(new Step.GrantRefund()),
                Arbitraries.just(new Step.RefuseRefund()),
                amounts.map(Step.ProviderRefund::new));
        return step.list().ofMaxSize(25);
    }
}
