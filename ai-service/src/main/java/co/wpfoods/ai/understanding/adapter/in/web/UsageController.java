package co.wpfoods.ai.understanding.adapter.in.web;

import co.wpfoods.ai.understanding.adapter.in.web.ApiDtos.UsageSummary;
import co.wpfoods.ai.understanding.application.provider.UsageLedger;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the providers cost: calls, tokens and USD per provider and outcome, and per 1,000 messages. */
@RestController
@RequestMapping("/api/ai/usage")
public class UsageController {

    private final UsageLedger ledger;
    private final Clock clock;

    public UsageController(UsageLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @Operation(summary = "Cost ledger summary since an instant (default: midnight in Bogotá)")
    @GetMapping
    public UsageSummary summary(
            @RequestParam(name = "since", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant since) {
        ZoneId bogota = ZoneId.of("America/Bogota");
        Instant from = since != null
                ? since
                : LocalDate.now(clock.withZone(bogota)).atStartOfDay(bogota).toInstant();
        var calls = ledger.summary(from);
        BigDecimal total = calls.stream().map(UsageLedger.Summary::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        var volume = ledger.volume(from);
        BigDecimal per1000 = volume.messages() == 0
                ? BigDecimal.ZERO
                : total.multiply(BigDecimal.valueOf(1000))
                        .divide(BigDecimal.valueOf(volume.messages()), 6, RoundingMode.HALF_UP);
        BigDecimal perCorrelation = volume.correlations() == 0
                ? BigDecimal.ZERO
                : total.divide(BigDecimal.valueOf(volume.correlations()), 6, RoundingMode.HALF_UP);
        return new UsageSummary(from, calls, total, volume.messages(), volume.correlations(), per1000, perCorrelation);
    }
}
