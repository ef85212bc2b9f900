package dev.quantlab.app.linear;

import dev.quantlab.app.charts.ChartStyle;
import dev.quantlab.app.charts.Histogram;
import dev.quantlab.app.i18n.Texts;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.XYBarDataset;

/**
 * One layer's weights, small enough for the lesson's 3x3 grid. Integer view: weights per integer value
 * {@code q} (orange bars) over the real weights in units of their channel's scale, {@code W / S[oc]} (light blue,
 * per unit of q), so rounding and the range limits show. fp32 view: the BN-folded weights' histogram.
 */
final class QuantHistogramChart {
    /** What the chart shows. */
    enum Mode { INTEGERS, FP32 }

    static final Color SCALED = new Color(0x9DB8F5);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 11);
    private final DefaultXYDataset bars = new DefaultXYDataset();
    private final DefaultXYDataset background = new DefaultXYDataset();
    private final NumberAxis x = new NumberAxis();
    private final NumberAxis y = new NumberAxis();
    private final XYBarRenderer barRenderer = new XYBarRenderer(0.0);
    private final XYPlot plot;
    private final JFreeChart chart;
    private LayerQuantization shown;
    private Mode mode = Mode.INTEGERS;

    private final Texts texts;

    QuantHistogramChart(Texts texts) {
        this.texts = texts;

        XYBarRenderer backRenderer = new XYBarRenderer(0.0);
        plot = new XYPlot(new XYBarDataset(bars, 1), x, y, barRenderer);
        plot.setDataset(1, new XYBarDataset(background, 1));
        plot.setRenderer(1, backRenderer);
        chart = new JFreeChart("", TITLE, plot, false);
        ChartStyle.apply(chart, texts.locale());
        chart.getTitle().setFont(TITLE);
        barRenderer.setSeriesPaint(0, ChartStyle.ACCENT_2);
        backRenderer.setSeriesPaint(0, SCALED);
        for (XYBarRenderer r : new XYBarRenderer[] {barRenderer, backRenderer}) {
            r.setShadowVisible(false);
            r.setDrawBarOutline(false);
        }
        Font tick = new Font(Font.SANS_SERIF, Font.PLAIN, 9);
        x.setTickLabelFont(tick);
        y.setTickLabelFont(tick);
        x.setLabelFont(tick);
        y.setNumberFormatOverride(java.text.NumberFormat.getCompactNumberInstance(java.util.Locale.ROOT,
                java.text.NumberFormat.Style.SHORT));
        ChartStyle.setEmptyMessage(plot, texts.t("linear.histogram.empty"));
    }

    JFreeChart chart() {
        return chart;
    }

    Mode mode() {
        return mode;
    }

    LayerQuantization shown() {
        return shown;
    }

    /** Shows {@code q} (null clears) in {@code newMode}; a few milliseconds on the FX thread. */
    void show(LayerQuantization q, Mode newMode) {
        shown = q;
        mode = newMode;
        chart.setNotify(false);
        try {
            clear(bars);
            clear(background);
            if (q == null) {
                chart.setTitle("");
                return;
            }
            if (mode == Mode.INTEGERS) {
                showIntegers(q);
            } else {
                showFp32(q);
            }
        } finally {
            chart.setNotify(true);
        }
    }

    private void showIntegers(LayerQuantization q) {
        double[][] b = new double[2][q.counts().length];
        for (int i = 0; i < b[0].length; i++) {
            b[0][i] = q.qmin() + i;
            b[1][i] = q.counts()[i];
        }
        bars.addSeries("q", b);
        Histogram s = q.scaled();
        double[][] d = new double[2][s.bins()];
        for (int i = 0; i < s.bins(); i++) {
            d[0][i] = s.center(i);
            d[1][i] = s.counts()[i] / s.binWidth(); // weights per unit of q, comparable with the bars
        }
        background.addSeries("W/S", d);
        plot.setDataset(0, new XYBarDataset(bars, q.counts().length > 64 ? 1.0 : 0.7));
        plot.setDataset(1, new XYBarDataset(background, s.binWidth()));
        x.setAutoRangeIncludesZero(false);
        x.setRange(q.qmin() - 0.6, q.qmax() + 0.6);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setLabel(texts.t("linear.histogram.axis.q"));
        chart.setTitle(texts.t("linear.histogram.title.integers", q.layer(), q.distinctValues()));
    }

    private void showFp32(LayerQuantization q) {
        Histogram h = q.fp32();
        double[][] b = new double[2][h.bins()];
        for (int i = 0; i < h.bins(); i++) {
            b[0][i] = h.center(i);
            b[1][i] = h.counts()[i];
        }
        bars.addSeries("fp32", b);
        plot.setDataset(0, new XYBarDataset(bars, h.binWidth()));
        plot.setDataset(1, new XYBarDataset(background, 1));
        barRenderer.setSeriesPaint(0, ChartStyle.ACCENT);
        x.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        x.setRange(h.min(), h.max());
        x.setLabel(texts.t("linear.histogram.axis.w"));
        chart.setTitle(texts.t("linear.histogram.title.fp32", q.layer()));
    }

    private void clear(DefaultXYDataset d) {
        while (d.getSeriesCount() > 0) {
            d.removeSeries(d.getSeriesKey(0));
        }
        barRenderer.setSeriesPaint(0, ChartStyle.ACCENT_2);
    }
}
