package co.wpfoods.order.conversation;

import co.wpfoods.order.conversation.adapter.out.chart.JFreeSalesCharts;
import java.awt.Color;
import java.awt.image.BufferedImage;

/** Reads a decoded chart: how much of it is drawn in the bars' colour, and where. */
final class ChartPixels {

    private ChartPixels() {}

    static boolean isBar(int rgb) {
        var bar = JFreeSalesCharts.BAR;
        var c = new Color(rgb);
        return Math.abs(c.getRed() - bar.getRed()) <= 8
                && Math.abs(c.getGreen() - bar.getGreen()) <= 8
                && Math.abs(c.getBlue() - bar.getBlue()) <= 8;
    }

    static int barPixels(BufferedImage image) {
        int count = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            count += barHeight(image, x);
        }
        return count;
    }

    /** Bar-coloured pixels in column {@code x}: the height of a bar drawn there. */
    static int barHeight(BufferedImage image, int x) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            if (isBar(image.getRGB(x, y))) {
                count++;
            }
        }
        return count;
    }
}
