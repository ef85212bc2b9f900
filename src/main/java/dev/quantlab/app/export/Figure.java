package dev.quantlab.app.export;

import org.jfree.chart.JFreeChart;

/**
 * A chart to export, with the file base name and the logical size (PNGs are written at twice this size).
 *
 * @param name   file base name, e.g. {@code baseline-confusion-matrix}
 * @param chart  the chart as currently shown
 * @param width  logical width in points
 * @param height logical height in points
 */
public record Figure(String name, JFreeChart chart, int width, int height) {
    public static final int DEFAULT_WIDTH = 960;
    public static final int DEFAULT_HEIGHT = 600;

    public Figure {
        FileNames.requireSafe(name);
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("figure size must be positive, got " + width + "x" + height);
        }
    }

    /** This figure with a clone of the chart (datasets included), to draw off the FX thread. */
    public Figure snapshot() {
        try {
            return new Figure(name, (JFreeChart) chart.clone(), width, height);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("chart " + name + " cannot be copied for export", e);
        }
    }

    public static Figure of(String name, JFreeChart chart) {
        return new Figure(name, chart, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }
}
