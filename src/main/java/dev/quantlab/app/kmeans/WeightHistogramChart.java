package dev.quantlab.app.kmeans;

import dev.quantlab.app.charts.ChartStyle;
import dev.quantlab.app.charts.Histogram;
import dev.quantlab.app.i18n.I18n;
import java.awt.BasicStroke;
import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.XYBarDataset;

/**
 * A layer's weights: the fp32 histogram (bars, left axis), the quantized weights as spikes at the centroids
 * (right axis: weights per centroid) and every centroid as a thin vertical line.
 */
final class WeightHistogramChart {
    private static final Color FP32 = new Color(0x9DB8F5);
    private static final Color CENTROID = new Color(0x1F2937);
    private final DefaultXYDataset fp32 = new DefaultXYDataset();
    private final DefaultXYDataset spikes = new DefaultXYDataset();
    private final JFreeChart chart;
    private final XYPlot plot;
    private XYBarDataset fp32Bars = new XYBarDataset(fp32, 1);
    private XYBarDataset spikeBars = new XYBarDataset(spikes, 1);

    WeightHistogramChart() {
        NumberAxis x = new NumberAxis(I18n.t("kmeans.chart.x"));
        NumberAxis yLeft = new NumberAxis(I18n.t("kmeans.chart.yLeft"));
        NumberAxis yRight = new NumberAxis(I18n.t("kmeans.chart.yRight"));
        XYBarRenderer bars = new XYBarRenderer(0.0);
        XYBarRenderer spikeRenderer = new XYBarRenderer(0.0);
        plot = new XYPlot(fp32Bars, x, yLeft, bars);
        plot.setRangeAxis(1, yRight);
        plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        plot.setDataset(1, spikeBars);
        plot.setRenderer(1, spikeRenderer);
        plot.mapDatasetToRangeAxis(1, 1);
        chart = new JFreeChart("", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        bars.setSeriesPaint(0, FP32);
        spikeRenderer.setSeriesPaint(0, ChartStyle.ACCENT_2);
        ChartStyle.setEmptyMessage(plot, I18n.t("kmeans.chart.empty"));
        yRight.setLabelPaint(ChartStyle.ACCENT_2);
        yRight.setTickLabelPaint(ChartStyle.ACCENT_2);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.TOP);
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        bars.setShadowVisible(false);
        spikeRenderer.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        spikeRenderer.setDrawBarOutline(false);
    }

    JFreeChart chart() {
        return chart;
    }

    /** Shows {@code p}; null clears the chart. Runs on the FX thread in a few milliseconds. */
    void show(LayerPreview p) {
        chart.setNotify(false);
        try {
            plot.clearDomainMarkers();
            clear(fp32);
            clear(spikes);
            if (p == null) {
                chart.setTitle("");
                return;
            }
            Histogram h = p.histogram();
            double[][] bins = new double[2][h.bins()];
            for (int i = 0; i < h.bins(); i++) {
                bins[0][i] = h.center(i);
                bins[1][i] = h.counts()[i];
            }
            fp32.addSeries(I18n.t("kmeans.chart.fp32Series"), bins);
            double[][] sp = new double[2][p.centroids().length];
            for (int i = 0; i < sp[0].length; i++) {
                sp[0][i] = p.centroids()[i];
                sp[1][i] = p.counts()[i];
            }
            spikes.addSeries(I18n.t("kmeans.chart.quantizedSeries", Integer.toString(p.bits()),
                    Integer.toString(p.distinctValues())), sp);
            fp32Bars = new XYBarDataset(fp32, h.binWidth());
            spikeBars = new XYBarDataset(spikes, Math.max(h.binWidth() * 0.35, (h.max() - h.min()) / 600));
            plot.setDataset(0, fp32Bars);
            plot.setDataset(1, spikeBars);
            BasicStroke thin = new BasicStroke(p.distinctValues() > 32 ? 0.4f : 0.9f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 1f, new float[] {3f, 3f}, 0f);
            for (float c : p.centroids()) {
                ValueMarker m = new ValueMarker(c, CENTROID, thin);
                m.setAlpha(p.distinctValues() > 32 ? 0.35f : 0.7f);
                plot.addDomainMarker(m, org.jfree.chart.ui.Layer.FOREGROUND);
            }
            chart.setTitle(I18n.t("kmeans.chart.title", shortName(p.layer()), Integer.toString(p.bits()),
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
