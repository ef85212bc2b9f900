package dev.quantlab.app.linear;

import dev.quantlab.app.charts.BarCharts;
import dev.quantlab.app.charts.ChartStyle;
import dev.quantlab.app.i18n.Texts;
import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/** Per-channel versus per-tensor quantization error (MSE) of each layer's weights, on a log scale. */
final class GranularityErrorChart {
    private final DefaultCategoryDataset data = new DefaultCategoryDataset();
    private final JFreeChart chart;

    private final Texts texts;

    GranularityErrorChart(Texts texts) {
        this.texts = texts;

        LogAxis mse = new LogAxis(texts.t("linear.error.axis"));
        mse.setSmallestValue(1e-14);
        mse.setTickUnit(new NumberTickUnit(1), false, true); // whole decades: 10^-6, 10^-5…
        BarRenderer bars = new BarRenderer();
        CategoryPlot plot = new CategoryPlot(data, BarCharts.layerAxis(), mse, bars);
        // the chart style sets the renderer's paints: ours come after it
        chart = BarCharts.withLegendBelow(plot, texts.locale(), texts.t("linear.histogram.empty"));
        bars.setSeriesPaint(0, ChartStyle.ACCENT);
        bars.setSeriesPaint(1, new Color(0xF4A261));
        bars.setMaximumBarWidth(0.05);
        bars.setItemMargin(0.05);
    }

    JFreeChart chart() {
        return chart;
    }

    void show(LinearPreviews.Preview p) {
        BarCharts.redrawOnce(chart, () -> {
            data.clear();
            if (p == null) {
                chart.setTitle("");
                return;
            }
            String perChannel = texts.t("linear.error.perChannel");
            String perTensor = texts.t("linear.error.perTensor");
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (LayerQuantization q : p.layers()) {
                data.addValue(q.perChannelMse(), perChannel, q.layer());
                data.addValue(q.perTensorMse(), perTensor, q.layer());
                for (double v : new double[] {q.perChannelMse(), q.perTensorMse()}) {
                    if (v > 0) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            // the log axis spans the data (a factor of 2 beyond it), not down to its smallest value of 1e-14
            if (hi > 0) {
                ((CategoryPlot) chart.getPlot()).getRangeAxis().setRange(lo / 2, hi * 2);
            }
            chart.setTitle(texts.t("linear.error.title", p.bits()));
        });
    }
}
