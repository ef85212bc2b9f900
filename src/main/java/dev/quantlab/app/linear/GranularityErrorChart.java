package dev.quantlab.app.linear;

import dev.quantlab.app.charts.ChartStyle;
import dev.quantlab.app.i18n.Texts;
import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.ui.RectangleEdge;
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
        BarRenderer bars = new BarRenderer();
        CategoryAxis layers = new CategoryAxis();
        layers.setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        layers.setMaximumCategoryLabelLines(1);
        CategoryPlot plot = new CategoryPlot(data, layers, mse, bars);
        chart = new JFreeChart("", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart, texts.locale());
        chart.getTitle().setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 12));
        chart.getTitle().setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
        bars.setSeriesPaint(0, ChartStyle.ACCENT);
        bars.setSeriesPaint(1, new Color(0xF4A261));
        bars.setMaximumBarWidth(0.05);
        bars.setItemMargin(0.05);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM); // the top right holds the Export button
        chart.getLegend().setFrame(BlockBorder.NONE);
        if ("zh".equals(texts.locale().getLanguage())) {
            plot.getRangeAxis().setLabelAngle(Math.PI / 2); // Chinese reads upright: no sideways axis label
        }
        ChartStyle.setEmptyMessage(plot, texts.t("linear.histogram.empty"));
    }

    JFreeChart chart() {
        return chart;
    }

    void show(LinearPreviews.Preview p) {
        chart.setNotify(false);
        try {
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
        } finally {
            chart.setNotify(true);
        }
    }
}
