package dev.quantlab.app.baseline;

import dev.quantlab.app.charts.ChartStyle;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.data.CifarClasses;
import dev.quantlab.eval.EvalResult;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * The confusion matrix as a heat map: rows are true classes (top to bottom), columns predicted classes; a cell's
 * colour is the share of its row (so every class reads on the same scale), its text the image count.
 */
final class ConfusionHeatMap {
    /** Room above the colour bar for the chart's Export button, so that its 100 stays readable (px). */
    static final double LEGEND_TOP = 30;
    private final DefaultXYZDataset data = new DefaultXYZDataset();
    private final JFreeChart chart;
    private final XYPlot plot;
    private final Font font;
    /** The image counts shown, row = true class; null when none. */
    private volatile long[][] counts;

    ConfusionHeatMap(Texts texts) {
        this.font = ChartStyle.font(texts.locale(), Font.PLAIN, 10);
        String[] names = new String[CifarClasses.NAMES.size()];
        for (int c = 0; c < names.length; c++) {
            names[c] = PerClassAccuracyChart.className(c, texts);
        }
        SymbolAxis x = new SymbolAxis(texts.t("baseline.chart.confusion.predicted"), names);
        x.setGridBandsVisible(false);
        x.setVerticalTickLabels(!uprightNames(texts)); // CJK names stand upright: never lay them sideways
        SymbolAxis y = new SymbolAxis(texts.t("baseline.chart.confusion.true"), names);
        y.setGridBandsVisible(false);
        y.setInverted(true);
        XYBlockRenderer r = new CountRenderer();
        r.setPaintScale(new ShareScale(1));
        plot = new XYPlot(data, x, y, r);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setDomainAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        chart = new JFreeChart(texts.t("baseline.chart.confusion.title"), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        ChartStyle.apply(chart, texts.locale());
        ChartStyle.setEmptyMessage(plot, texts.t("baseline.chart.confusion.empty"));
        NumberAxis scaleAxis = new NumberAxis(texts.t("baseline.chart.confusion.share"));
        scaleAxis.setRange(0, 100);
        scaleAxis.setTickLabelFont(ChartStyle.font(texts.locale(), Font.PLAIN, 10));
        scaleAxis.setLabelFont(ChartStyle.font(texts.locale(), Font.PLAIN, 10));
        PaintScaleLegend legend = new PaintScaleLegend(new ShareScale(100), scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(LEGEND_TOP, 10, 4, 4));
        legend.setStripWidth(10);
        legend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(legend);
    }

    /**
     * Whether the class names are short enough to stand upright under their columns: the Chinese names are one or
     * two characters; the English ones ("automobile") are rotated to fit.
     */
    static boolean uprightNames(Texts texts) {
        return "zh".equals(texts.locale().getLanguage());
    }

    JFreeChart chart() {
        return chart;
    }

    void show(EvalResult result) {
        counts = null;
        if (data.getSeriesCount() > 0) {
            data.removeSeries("confusion");
        }
        if (result == null) {
            return;
        }
        long[][] m = result.confusion();
        int n = m.length;
        double[][] xyz = new double[3][n * n];
        for (int t = 0; t < n; t++) {
            long rowTotal = 0;
            for (long v : m[t]) {
                rowTotal += v;
            }
            for (int p = 0; p < n; p++) {
                int i = t * n + p;
                double share = rowTotal == 0 ? 0 : (double) m[t][p] / rowTotal;
                xyz[0][i] = p;
                xyz[1][i] = t;
                xyz[2][i] = share;
            }
        }
        counts = m;
        data.addSeries("confusion", xyz);
    }

    /**
     * Draws each cell and its image count. The counts are drawn by the renderer, in the cell, rather than as plot
     * annotations: on screen, after a resize, the chart with 100 text annotations lost its white background
     * (drawn black) and with it its labels.
     */
    private final class CountRenderer extends XYBlockRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public void drawItem(java.awt.Graphics2D g2, org.jfree.chart.renderer.xy.XYItemRendererState state,
                java.awt.geom.Rectangle2D dataArea, org.jfree.chart.plot.PlotRenderingInfo info, XYPlot xyPlot,
                org.jfree.chart.axis.ValueAxis domainAxis, org.jfree.chart.axis.ValueAxis rangeAxis,
                org.jfree.data.xy.XYDataset dataset, int series, int item,
                org.jfree.chart.plot.CrosshairState crosshairState, int pass) {
            super.drawItem(g2, state, dataArea, info, xyPlot, domainAxis, rangeAxis, dataset, series, item,
                    crosshairState, pass);
            long[][] m = counts;
            int p = (int) Math.round(dataset.getXValue(series, item));
            int t = (int) Math.round(dataset.getYValue(series, item));
            if (m == null || t < 0 || t >= m.length || p < 0 || p >= m[t].length || m[t][p] == 0) {
                return;
            }
            double share = ((org.jfree.data.xy.XYZDataset) dataset).getZValue(series, item);
            double x = domainAxis.valueToJava2D(p, dataArea, xyPlot.getDomainAxisEdge());
            double y = rangeAxis.valueToJava2D(t, dataArea, xyPlot.getRangeAxisEdge());
            java.awt.Paint savedPaint = g2.getPaint();
            java.awt.Font savedFont = g2.getFont();
            g2.setFont(font);
            g2.setPaint(share > 0.55 ? Color.WHITE : ChartStyle.TEXT);
            org.jfree.chart.text.TextUtils.drawAlignedString(Long.toString(m[t][p]), g2, (float) x, (float) y,
                    org.jfree.chart.ui.TextAnchor.CENTER);
            g2.setFont(savedFont);
            g2.setPaint(savedPaint);
        }
    }

    /** Colours values in {@code [0, upper]}: the cells use shares (upper 1), the legend percent (upper 100). */
    private static final class ShareScale implements PaintScale, java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final double upper;

        ShareScale(double upper) {
            this.upper = upper;
        }

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public java.awt.Paint getPaint(double value) {
            return blend(Math.max(0, Math.min(1, value / upper)));
        }
    }

    /** White (0) to the accent blue (1), with a square-root ramp so small confusions stay visible. */
    static Color blend(double share) {
        double s = Math.sqrt(share);
        Color a = new Color(0xF7F9FC);
        Color b = new Color(0x1D4ED8);
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * s),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * s),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * s));
    }
}
