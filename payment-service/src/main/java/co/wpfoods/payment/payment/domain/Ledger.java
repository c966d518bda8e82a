package co.wpfoods.payment.payment.domain;

import co.wpfoods.payment.payment.domain.LedgerEntry.Account;
import co.wpfoods.payment.payment.domain.LedgerEntry.Movement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Balances of a set of ledger entries (one order's, or all of them). */
public record Ledger(List<LedgerEntry> entries) {

    public Ledger {
        entries = List.copyOf(entries);
    }

    /** Per account: money in (debits) minus money out (credits). Over all accounts it sums to zero. */
    public Map<Account, Long> balances() {
        Map<Account, Long> balances = new EnumMap<>(Account.class);
        for (Account account : Account.values()) {
            balances.put(account, 0L);
        }
        for (LedgerEntry entry : entries) {
            balances.merge(entry.debit(), entry.amount().value(), Math::addExact);
            balances.merge(entry.credit(), -entry.amount().value(), Math::addExact);
        }
        return balances;
    }

    /** Everything ever taken from the customer (charges and cash collections). */
    public long charged() {
        return entries.stream()
                .filter(e -> e.movement() != Movement.REFUND)
                .mapToLong(e -> e.amount().value())
                .sum();
    }

    public long refunded() {
        return entries.stream()
                .filter(e -> e.movement() == Movement.REFUND)
                .mapToLong(e -> e.amount().value())
                .sum();
    }

    /** What we hold for the customer's orders now: charged minus refunded. */
    public long held() {
        return charged() - refunded();
    }
}
