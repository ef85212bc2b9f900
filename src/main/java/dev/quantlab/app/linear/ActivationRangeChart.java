package dev.quantlab.app.linear;

import dev.quantlab.app.charts.BarCharts;
import dev.quantlab.app.i18n.Texts;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.data.category.DefaultIntervalCategoryDataset;

/** The calibrated real range [min, max] of each layer's input and output, as floating bars. */
final class ActivationRangeChart {
    private final CategoryPlot plot;
    private final JFreeChart chart;

    private final Texts texts;

    ActivationRangeChart(Texts texts) {
        this.texts = texts;

        IntervalBarRenderer bars = new IntervalBarRenderer();
        plot = new CategoryPlot(null, BarCharts.layerAxis(), new NumberAxis(texts.t("linear.ranges.axis")), bars);
        // the chart style sets the renderer's paints: ours come after it
        chart = BarCharts.withLegendBelow(plot, texts.locale(), texts.t("linear.ranges.empty"));
        bars.setSeriesPaint(0, QuantHistogramChart.SCALED);
        bars.setSeriesPaint(1, new Color(0x2F6FED));
        bars.setDrawBarOutline(false);
        bars.setShadowVisible(false);
        bars.setMaximumBarWidth(0.05);
    }

    JFreeChart chart() {
        return chart;
    }

    /** Shows the ranges (an empty list clears the chart). */
    void show(List<ActivationParams> params, int images) {
        BarCharts.redrawOnce(chart, () -> {
            if (params.isEmpty()) {
                plot.setDataset(null);
                chart.setTitle("");
                return;
            }
            int n = params.size();
            Number[][] lo = new Number[2][n];
            Number[][] hi = new Number[2][n];
            String[] layers = new String[n];
            for (int i = 0; i < n; i++) {
                ActivationParams a = params.get(i);
                layers[i] = a.layer();
                lo[0][i] = a.inputRange() == null ? null : a.inputRange().min();
                hi[0][i] = a.inputRange() == null ? null : a.inputRange().max();
                lo[1][i] = a.outputRange().min();
                hi[1][i] = a.outputRange().max();
            }
            String[] series = {texts.t("linear.ranges.input"), texts.t("linear.ranges.output")};
            plot.setDataset(new DefaultIntervalCategoryDataset(series, layers, lo, hi));
            chart.setTitle(texts.t("linear.ranges.title", images));
        });
    }
}
