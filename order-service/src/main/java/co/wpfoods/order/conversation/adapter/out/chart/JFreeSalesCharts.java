package co.wpfoods.order.conversation.adapter.out.chart;

import co.wpfoods.order.conversation.application.SalesCharts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.stereotype.Component;

/**
 * Sales charts drawn with JFreeChart on the server (headless AWT, no display needed): flat bars in WPFoods green on
 * white, each labelled with its total in pesos, written as PNG.
 */
@Component
public class JFreeSalesCharts implements SalesCharts {

    /** The bars' colour; tests look for it in the image. */
    public static final Color BAR = new Color(0x1B, 0x8A, 0x3C);

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 26);
    private static final Font LABELS = new Font(Font.SANS_SERIF, Font.PLAIN, 16);

    @Override
    public byte[] png(String title, String axis, List<Bar> bars) {
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one bar");
        }
        var data = new DefaultCategoryDataset();
        for (Bar bar : bars) {
            data.addValue(bar.totalCop(), axis, bar.label());
        }
        var plot = new CategoryPlot();
        plot.setDataset(data);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setDomainAxis(new org.jfree.chart.axis.CategoryAxis());
        var values = new NumberAxis(axis);
        values.setNumberFormatOverride(pesos());
        values.setLabelFont(LABELS);
        values.setTickLabelFont(LABELS);
        values.setUpperMargin(0.15);
        plot.setRangeAxis(values);
        plot.getDomainAxis().setTickLabelFont(LABELS);
        var renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, BAR);
        renderer.setMaximumBarWidth(0.12);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", pesos()));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(LABELS);
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlineVisible(false);
        var chart = new JFreeChart(title, TITLE, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        var out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static NumberFormat pesos() {
        var format = NumberFormat.getCurrencyInstance(Locale.forLanguageTag("es-CO"));
        format.setMaximumFractionDigits(0);
        format.setMinimumFractionDigits(0);
        return format;
    }
}
