package dev.quantlab.app.charts;

import java.awt.Font;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;

/** The parts the bar charts of the tabs share: a layer axis, one framing of a bar plot, one redraw per update. */
public final class BarCharts {
    private BarCharts() { }

    /** An axis of layer names, each on one line at 45 degrees. */
    public static CategoryAxis layerAxis() {
        CategoryAxis layers = new CategoryAxis();
        layers.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        layers.setMaximumCategoryLabelLines(1);
        return layers;
    }

    /**
     * A chart of {@code plot} in the app's style for {@code locale}: an empty title (set when data arrives) small and
     * left, the legend below without a frame (the top right holds the Export button), in Chinese the value axis'
     * label upright, and {@code empty} shown while there is no data.
     */
    public static JFreeChart withLegendBelow(CategoryPlot plot, Locale locale, String empty) {
        JFreeChart chart = new JFreeChart("", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart, locale);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setFrame(BlockBorder.NONE);
        if ("zh".equals(locale.getLanguage())) {
            plot.getRangeAxis().setLabelAngle(Math.PI / 2); // Chinese reads upright: no sideways axis label
        }
        ChartStyle.setEmptyMessage(plot, empty);
        return chart;
    }

    /** Runs {@code update} on {@code chart}'s data and redraws the chart once afterwards. */
    public static void redrawOnce(JFreeChart chart, Runnable update) {
        chart.setNotify(false);
        try {
            update.run();
        } finally {
            chart.setNotify(true);
        }
    }
}
