package dev.quantlab.app.linear;

import dev.quantlab.app.charts.ChartStyle;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.services.Calibration;
import dev.quantlab.app.services.RangeMethod;
import dev.quantlab.linear.MinMax;
import dev.quantlab.linear.RangeObserver;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One activation point's observed values as a histogram (log counts) with the range each calibration method
 * takes drawn as a pair of vertical lines in the method's colour: the ranges come from the calibration's
 * observation, i.e. from the pipeline's own range code.
 */
final class ActivationHistogramChart {
    /** Bars drawn across the observed [min, max]. */
    static final int BINS = 120;
    /** One colour per {@link RangeMethod}, in declaration order. */
    static final Color[] COLORS = {new Color(0x1F2937), new Color(0x2F6FED), new Color(0xE8590C), new Color(0x2B8A3E)};

    private final Texts texts;
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final XYPlot plot;
    private final JFreeChart chart;

    ActivationHistogramChart(Texts texts) {
        this.texts = texts;
        XYBarRenderer bars = new XYBarRenderer(0.0);
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        bars.setSeriesPaint(0, QuantHistogramChart.SCALED);
        LogAxis counts = new LogAxis(null);
        counts.setSmallestValue(0.5);
        counts.setNumberFormatOverride(java.text.NumberFormat.getCompactNumberInstance(java.util.Locale.ROOT,
                java.text.NumberFormat.Style.SHORT));
        plot = new XYPlot(data, new NumberAxis(texts.t("linear.activations.axis")), counts, bars);
        chart = new JFreeChart("", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart, texts.locale());
        chart.getTitle().setFont(ChartStyle.font(texts.locale(), Font.BOLD, 12));
        bars.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        bars.setSeriesPaint(0, QuantHistogramChart.SCALED);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setFrame(BlockBorder.NONE);
        LegendItemCollection legend = new LegendItemCollection();
        for (RangeMethod m : RangeMethod.values()) {
            legend.add(new LegendItem(texts.t(m.key()), null, null, null, new Rectangle(10, 3),
                    COLORS[m.ordinal()]));
        }
        plot.setFixedLegendItems(legend);
        ChartStyle.setEmptyMessage(plot, texts.t("linear.activations.empty"));
    }

    JFreeChart chart() {
        return chart;
    }

    /** Shows {@code point} of {@code c} with every method's range for {@code bits}-bit activations (null: clear). */
    void show(Calibration c, String point, int bits) {
        chart.setNotify(false);
        try {
            data.removeAllSeries();
            plot.clearDomainMarkers();
            var histogram = c == null || point == null ? null : c.observation().histogram(point).orElse(null);
            if (histogram == null) {
                chart.setTitle("");
                return;
            }
            MinMax observed = c.observation().ranges(RangeMethod.MIN_MAX, bits).get(point);
            data.addSeries(rebinned(histogram, observed));
            data.setIntervalWidth(Math.max(observed.max() - observed.min(), 1e-12) / BINS);
            for (RangeMethod m : RangeMethod.values()) {
                MinMax r = c.observation().ranges(m, bits).get(point);
                Color color = COLORS[m.ordinal()];
                plot.addDomainMarker(marker(r.min(), color, null), Layer.FOREGROUND);
                plot.addDomainMarker(marker(r.max(), color, null), Layer.FOREGROUND); // named in the legend
            }
            chart.setTitle(texts.t("linear.activations.title", ActivationPoints.name(point), c.images(), bits));
        } finally {
            chart.setNotify(true);
        }
    }

    private ValueMarker marker(double x, Color color, String label) {
        ValueMarker m = new ValueMarker(x, color, new BasicStroke(1.6f));
        if (label != null) {
            m.setLabel(label);
            m.setLabelFont(ChartStyle.font(texts.locale(), Font.PLAIN, 10));
            m.setLabelPaint(color);
            m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        }
        return m;
    }

    /** The fine histogram summed into {@link #BINS} bars across the observed range (bar x: its centre). */
    static XYSeries rebinned(RangeObserver.Histogram h, MinMax observed) {
        double lo = observed.min();
        double width = Math.max(observed.max() - lo, 1e-12) / BINS;
        double[] sums = new double[BINS];
        long[] counts = h.counts();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                continue;
            }
            double x = h.low() + (i + 0.5) * h.width();
            int bin = (int) Math.floor((x - lo) / width);
            sums[Math.max(0, Math.min(BINS - 1, bin))] += counts[i];
        }
        XYSeries s = new XYSeries("values", false, true);
        for (int b = 0; b < BINS; b++) {
            if (sums[b] > 0) {
                s.add(lo + (b + 0.5) * width, sums[b]);
            }
        }
        return s;
    }
}
