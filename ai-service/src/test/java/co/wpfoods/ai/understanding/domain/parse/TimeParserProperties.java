package co.wpfoods.ai.understanding.domain.parse;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.ai.understanding.domain.TimeRequest;
import co.wpfoods.ai.understanding.domain.text.TextNormalizer;
import java.time.LocalTime;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class TimeParserProperties {

    @Property
    void in_n_minutes(@ForAll @IntRange(min = 1, max = 180) int n, @ForAll boolean english) {
        String text = english ? "deliver in " + n + " minutes" : "para dentro de " + n + " minutos porfa";
        TimeRequest t = TimeParser.find(TextNormalizer.fold(text), LocalTime.NOON)
                .orElseThrow()
                .value();
        assertThat(t.kind()).isEqualTo(TimeRequest.Kind.IN);
        assertThat(t.inMinutes()).isEqualTo(n);
    }

    @Property
    void explicit_pm_clock_times(
            @ForAll @IntRange(min = 1, max = 11) int h, @ForAll @IntRange(min = 0, max = 59) int m) {
        String text = "para las %d:%02d pm".formatted(h, m);
        TimeRequest t = TimeParser.find(TextNormalizer.fold(text), LocalTime.of(9, 0))
                .orElseThrow()
                .value();
        assertThat(t.at()).isEqualTo(LocalTime.of(h + 12, m));
    }

    @Property
    void a_bare_hour_is_the_next_one_after_now(
            @ForAll @IntRange(min = 1, max = 11) int h, @ForAll @IntRange(min = 0, max = 23) int nowHour) {
        LocalTime now = LocalTime.of(nowHour, 30);
        TimeRequest t = TimeParser.find(TextNormalizer.fold("para las " + h), now)
                .orElseThrow()
                .value();
        LocalTime expected = now.isBefore(LocalTime.of(h, 0)) ? LocalTime.of(h, 0) : LocalTime.of(h + 12, 0);
        assertThat(t.at()).isEqualTo(expected);
    }

    @Example
    void spoken_colombian_times() {
        assertThat(TimeParser.find("en media hora", LocalTime.NOON)
                        .orElseThrow()
                        .value()
                        .inMinutes())
                .isEqualTo(30);
        assertThat(TimeParser.find("tipo 8 y media", LocalTime.NOON)
                        .orElseThrow()
                        .value()
                        .at())
                .isEqualTo(LocalTime.of(20, 30));
        assertThat(TimeParser.find("a las 7 de la noche", LocalTime.NOON)
                        .orElseThrow()
                        .value()
                        .at())
                .isEqualTo(LocalTime.of(19, 0));
        assertThat(TimeParser.find("al mediodia", LocalTime.of(9, 0))
                        .orElseThrow()
                        .value()
                        .at())
                .isEqualTo(LocalTime.NOON);
        assertThat(TimeParser.find("lo antes posible", LocalTime.NOON)
                        .orElseThrow()
                        .value()
                        .kind())
                .isEqualTo(TimeRequest.Kind.ASAP);
        assertThat(TimeParser.find("3 empanadas y 2 tintos", LocalTime.NOON)).isEmpty();
    }
}
