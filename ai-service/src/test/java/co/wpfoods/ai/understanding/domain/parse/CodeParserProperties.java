package co.wpfoods.ai.understanding.domain.parse;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.ai.understanding.domain.PaymentMethod;
import co.wpfoods.ai.understanding.domain.text.TextNormalizer;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

class CodeParserProperties {

    @Property
    void a_labelled_pin_is_found(@ForAll @NumericChars @StringLength(4) String pin, @ForAll boolean english) {
        String text = english ? "delivered, code " + pin : "entregado, el código es " + pin;
        assertThat(CodeParser.pin(TextNormalizer.fold(text), false)
                        .orElseThrow()
                        .value())
                .isEqualTo(pin);
    }

    @Property
    void prices_in_thousands(@ForAll @IntRange(min = 1, max = 999) int thousands) {
        assertThat(CodeParser.price(thousands + " mil").orElseThrow().value()).isEqualTo(thousands * 1000L);
        String dotted = "$" + thousands + ".000";
        assertThat(CodeParser.price(TextNormalizer.fold(dotted)).orElseThrow().value())
                .isEqualTo(thousands * 1000L);
    }

    @Property
    void order_references_are_upper_cased(@ForAll @IntRange(min = 1000, max = 999999) int n) {
        assertThat(CodeParser.orderReference("estado de mi orden #" + n)
                        .orElseThrow()
                        .value())
                .isEqualTo(String.valueOf(n));
        assertThat(CodeParser.orderReference("pedido a" + n + " donde va")
                        .orElseThrow()
                        .value())
                .isEqualTo("A" + n);
    }

    @Example
    void payment_methods() {
        assertThat(PaymentParser.find(TextNormalizer.tokens("puedo pagar con Nequi?")))
                .contains(PaymentMethod.NEQUI);
        assertThat(PaymentParser.find(TextNormalizer.tokens("pago contra entrega")))
                .contains(PaymentMethod.CASH);
        assertThat(PaymentParser.find(TextNormalizer.tokens("tienen datáfono?")))
                .contains(PaymentMethod.CARD);
        assertThat(PaymentParser.find(TextNormalizer.tokens("por PSE"))).contains(PaymentMethod.PSE);
        assertThat(PaymentParser.find(TextNormalizer.tokens("2 empanadas"))).isEmpty();
    }
}
