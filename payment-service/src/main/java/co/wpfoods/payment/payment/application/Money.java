package co.wpfoods.payment.payment.application;

import co.wpfoods.payment.payment.domain.Cop;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/** Pesos as Colombians write them: {@code $35.000}. */
public final class Money {

    private Money() {}

    public static String format(Cop amount) {
        var symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        return "$" + new DecimalFormat("#,##0", symbols).format(amount.value());
    }
}
