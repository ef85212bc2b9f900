package dev.quantlab.app.kmeans;

import dev.quantlab.app.charts.ChartStyle;
import dev.quantlab.app.charts.Histogram;
import dev.quantlab.app.i18n.Texts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.XYBarDataset;

/**
 * A layer's weights before and after k-means, as the lesson plots them: two panels on one weight axis, the fp32
 * histogram on top and, below, the 2^b values the weights became as spikes (one per centroid, its height the share
 * of weights that took that value). Both panels count in percent of the layer's weights; the spikes are drawn in
 * front, with a dot on top when there are few of them, so even 2-bit's four values stand out. Each panel names what
 * it counts in its top-left corner instead of a rotated axis label: two rotated labels beside two short panels
 * overlap at a laptop's 1280x720.
 */
public final class WeightHistogramChart {
    static final Color FP32 = new Color(0x9DB8F5);
    /** Panels: the fp32 histogram, then the quantized values. */
    static final int FP32_PANEL = 0;
    static final int QUANTIZED_PANEL = 1;
    /** Up to this many values the spikes carry a dot on top. */
    static final int DOTS_UP_TO = 32;
    private final DefaultXYDataset fp32 = new DefaultXYDataset();
    private final DefaultXYDataset spikes = new DefaultXYDataset();
    private final DefaultXYDataset dots = new DefaultXYDataset();
    private final JFreeChart chart;
    private final CombinedDomainXYPlot plot;
    private final XYPlot before;
    private final XYPlot after;
    private final Texts texts;

    public WeightHistogramChart(Texts texts) {
        this.texts = texts;
        NumberAxis x = new NumberAxis(texts.t("kmeans.chart.x"));
        plot = new CombinedDomainXYPlot(x);
        plot.setGap(8);
        before = new XYPlot(new XYBarDataset(fp32, 1), null, percentAxis(), bars(FP32));
        after = new XYPlot(new XYBarDataset(spikes, 1), null, percentAxis(),
                bars(ChartStyle.ACCENT_2));
        XYLineAndShapeRenderer dot = new XYLineAndShapeRenderer(false, true);
        dot.setSeriesPaint(0, ChartStyle.ACCENT_2);
        dot.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        dot.setSeriesVisibleInLegend(0, false);
        after.setDataset(1, dots);
        after.setRenderer(1, dot);
        for (XYPlot p : new XYPlot[] {before, after}) {
            p.setDomainGridlineStroke(new BasicStroke(0.6f));
            p.setRangeGridlineStroke(new BasicStroke(0.6f));
            p.setRangeGridlinePaint(ChartStyle.GRID);
            p.setDomainGridlinePaint(ChartStyle.GRID);
            p.setBackgroundPaint(Color.WHITE);
            p.setOutlineVisible(false);
        }
        before.addAnnotation(panelTitle(texts.t("kmeans.chart.yLeft")));
        after.addAnnotation(panelTitle(texts.t("kmeans.chart.yRight")));
        plot.add(before, 1);
        plot.add(after, 1);
        chart = new JFreeChart("", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart, texts.locale());
        ((XYBarRenderer) before.getRenderer()).setSeriesPaint(0, FP32);
        ((XYBarRenderer) after.getRenderer()).setSeriesPaint(0, ChartStyle.ACCENT_2);
        ChartStyle.setEmptyMessage(plot, texts.t("kmeans.chart.empty"));
        ChartStyle.setEmptyMessage(before, texts.t("kmeans.chart.empty"));
        ChartStyle.setEmptyMessage(after, "");
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.TOP);
        legend.setFrame(BlockBorder.NONE);
    }

    /** What a panel counts, in its top-left corner (over the empty tail of the distribution). */
    private XYTitleAnnotation panelTitle(String text) {
        TextTitle t = new TextTitle(text, ChartStyle.font(texts.locale(), java.awt.Font.PLAIN, 11));
        t.setPaint(new Color(0x55, 0x5B, 0x66));
        t.setBackgroundPaint(new Color(255, 255, 255, 210));
        return new XYTitleAnnotation(0.005, 0.98, t, RectangleAnchor.TOP_LEFT);
    }

    private NumberAxis percentAxis() {
        NumberAxis y = new NumberAxis();
        y.setAutoRangeIncludesZero(true);
        y.setUpperMargin(0.22); // room for the panel's title above the tallest bar
        y.setNumberFormatOverride(new java.text.DecimalFormat("0.#'%'"));
        y.setLabelFont(ChartStyle.font(texts.locale(), java.awt.Font.PLAIN, 11));
        y.setTickLabelFont(ChartStyle.font(texts.locale(), java.awt.Font.PLAIN, 10));
        return y;
    }

    private static XYBarRenderer bars(Color color) {
        XYBarRenderer r = new XYBarRenderer(0.0);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setSeriesPaint(0, color);
        return r;
    }

    public JFreeChart chart() {
        return chart;
    }

    /** The panel {@link #FP32_PANEL} or {@link #QUANTIZED_PANEL}. */
    XYPlot panel(int index) {
        return index == FP32_PANEL ? before : after;
    }

    /** Shows {@code p}; null clears the chart. Runs on the FX thread in a few milliseconds. */
    void show(LayerPreview p) {
        chart.setNotify(false);
        try {
            clear(fp32);
            clear(spikes);
            clear(dots);
            if (p == null) {
                chart.setTitle("");
                return;
            }
            Histogram h = p.histogram();
            double total = Math.max(1, p.weights());
            double[][] bins = new double[2][h.bins()];
            for (int i = 0; i < h.bins(); i++) {
                bins[0][i] = h.center(i);
                bins[1][i] = 100.0 * h.counts()[i] / total;
            }
            fp32.addSeries(texts.t("kmeans.chart.fp32Series"), bins);
            int n = p.centroids().length;
            double[][] sp = new double[2][n];
            for (int i = 0; i < n; i++) {
                sp[0][i] = p.centroids()[i];
                sp[1][i] = 100.0 * p.counts()[i] / total;
            }
            spikes.addSeries(texts.t("kmeans.chart.quantizedSeries", Integer.toString(p.bits()),
                    Integer.toString(p.distinctValues())), sp);
            if (n <= DOTS_UP_TO) {
                dots.addSeries(texts.t("kmeans.chart.quantizedSeries", Integer.toString(p.bits()),
                        Integer.toString(p.distinctValues())) + " ", sp);
            }
            double range = Math.max(h.max() - h.min(), 1e-12);
            before.setDataset(0, new XYBarDataset(fp32, h.binWidth()));
            // about 1.5 px on a 900-px plot: 256 spikes stay apart, 4 spikes are still lines, not blocks
            after.setDataset(0, new XYBarDataset(spikes, n <= DOTS_UP_TO ? range / 300 : range / 700));
            chart.setTitle(texts.t("kmeans.chart.title", shortName(p.layer()), Integer.toString(p.bits()),
                    Integer.toString(p.distinctValues())));
        } finally {
            chart.setNotify(true);
        }
    }

    /** {@code backbone.conv3.weight} becomes {@code conv3}, {@code classifier.weight} {@code classifier}. */
    static String shortName(String layer) {
        return layer.replace("backbone.", "").replace(".weight", "");
    }

    private static void clear(DefaultXYDataset d) {
        while (d.getSeriesCount() > 0) {
            d.removeSeries(d.getSeriesKey(0));
        }
    }
}
