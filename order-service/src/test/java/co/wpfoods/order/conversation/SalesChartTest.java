package co.wpfoods.order.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.wpfoods.order.conversation.adapter.out.chart.JFreeSalesCharts;
import co.wpfoods.order.conversation.application.SalesCharts;
import co.wpfoods.order.conversation.application.SalesCharts.Bar;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SalesChartTest {

    final SalesCharts charts = new JFreeSalesCharts();

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void a_week_of_sales_is_a_png_of_the_chart_size_whose_bars_follow_the_totals() throws IOException {
        // given a week with a busy Wednesday, a quiet Monday and nothing on the other days
        var bars = List.of(
                new Bar("lun", 20_000),
                new Bar("mar", 0),
                new Bar("mié", 80_000),
                new Bar("jue", 0),
                new Bar("vie", 0),
                new Bar("sáb", 0),
                new Bar("dom", 0));

        // when it is drawn
        byte[] png = charts.png("Ventas de esta semana por día", "Pesos (COP)", bars);

        // then it is a PNG image of the chart's size
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(SalesCharts.WIDTH);
        assertThat(image.getHeight()).isEqualTo(SalesCharts.HEIGHT);

        // and exactly two bars are drawn, Wednesday's four times as tall as Monday's
        var heights = barHeights(image);
        assertThat(heights).hasSize(2);
        double ratio = (double) heights.get(1) / heights.get(0);
        assertThat(ratio).isBetween(3.8, 4.2);
    }

    @Test
    void a_day_without_sales_draws_axes_and_no_bar() throws IOException {
        byte[] png = charts.png("Ventas de hoy por hora", "Pesos (COP)", List.of(new Bar("11h", 0), new Bar("12h", 0)));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));

        assertThat(ChartPixels.barPixels(image)).isZero();
        assertThat(distinctColours(image))
                .as("title, axes and labels are drawn")
                .isGreaterThan(2);
    }

    @Test
    void a_chart_without_bars_is_refused() {
        assertThatThrownBy(() -> charts.png("x", "y", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    /** The height of each bar, left to right (a bar = a run of columns holding bar-coloured pixels). */
    private static List<Integer> barHeights(BufferedImage image) {
        var heights = new ArrayList<Integer>();
        int current = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            int h = ChartPixels.barHeight(image, x);
            if (h > 0) {
                current = Math.max(current, h);
            } else if (current > 0) {
                heights.add(current);
                current = 0;
            }
        }
        if (current > 0) {
            heights.add(current);
        }
        return heights;
    }

    private static long distinctColours(BufferedImage image) {
        var seen = new java.util.HashSet<Integer>();
        for (int x = 0; x < image.getWidth(); x += 2) {
            for (int y = 0; y < image.getHeight(); y += 2) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
