package co.wpfoods.order.conversation.application;

import java.util.List;

/** Draws a sales chart as a PNG image, for the restaurant's "ventas" answer. */
public interface SalesCharts {

    /** Chart width and height in pixels: a phone shows it whole, and it stays sharp when zoomed. */
    int WIDTH = 800;

    int HEIGHT = 500;

    /**
     * One bar per slice, in order.
     *
     * @param title the chart's title ("Ventas de esta semana")
     * @param axis the value axis label ("COP")
     * @param bars the labels and food totals in whole COP
     */
    byte[] png(String title, String axis, List<Bar> bars);

    record Bar(String label, long totalCop) {}
}
