package co.wpfoods.ai.understanding.domain.parse;

import co.wpfoods.ai.understanding.domain.PaymentMethod;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Payment methods named in normalized tokens ("nequi", "efectivo", "tarjeta", "datafono", "pse", ...). */
public final class PaymentParser {

    private static final Map<String, PaymentMethod> WORDS = Map.ofEntries(
            Map.entry("efectivo", PaymentMethod.CASH),
            Map.entry("cash", PaymentMethod.CASH),
            Map.entry("contraentrega", PaymentMethod.CASH),
            Map.entry("billete", PaymentMethod.CASH),
            Map.entry("tarjeta", PaymentMethod.CARD),
            Map.entry("card", PaymentMethod.CARD),
            Map.entry("datafono", PaymentMethod.CARD),
            Map.entry("credito", PaymentMethod.CARD),
            Map.entry("debito", PaymentMethod.CARD),
            Map.entry("credit", PaymentMethod.CARD),
            Map.entry("debit", PaymentMethod.CARD),
            Map.entry("visa", PaymentMethod.CARD),
            Map.entry("mastercard", PaymentMethod.CARD),
            Map.entry("nequi", PaymentMethod.NEQUI),
            Map.entry("daviplata", PaymentMethod.DAVIPLATA),
            Map.entry("pse", PaymentMethod.PSE),
            Map.entry("transferencia", PaymentMethod.TRANSFER),
            Map.entry("transfer", PaymentMethod.TRANSFER),
            Map.entry("consignacion", PaymentMethod.TRANSFER),
            Map.entry("bancolombia", PaymentMethod.TRANSFER));

    private PaymentParser() {}

    public static Optional<PaymentMethod> find(List<String> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.equals("contra") && i + 1 < tokens.size() && tokens.get(i + 1).equals("entrega")) {
                return Optional.of(PaymentMethod.CASH);
            }
            PaymentMethod m = WORDS.get(t);
            if (m != null) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
