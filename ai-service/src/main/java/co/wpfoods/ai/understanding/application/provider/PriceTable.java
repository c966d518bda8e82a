package co.wpfoods.ai.understanding.application.provider;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** USD per million input and output tokens of one model. */
public record PriceTable(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public BigDecimal cost(long inputTokens, long outputTokens) {
        return inputPerMillion
                .multiply(BigDecimal.valueOf(inputTokens))
                .add(outputPerMillion.multiply(BigDecimal.valueOf(outputTokens)))
                .divide(MILLION, 10, RoundingMode.HALF_UP);
    }
}
