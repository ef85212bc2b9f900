package dev.quantlab.app.kmeans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.charts.Histogram;
import dev.quantlab.app.i18n.Texts;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.title.TextTitle;
import java.util.Random;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/** The k-means histogram: fp32 before, the 2^b values after, on one weight axis, in percent of the weights. */
class WeightHistogramChartTest {
    private static final int N = 20_000;

    private static final Texts ENGLISH = Texts.of(Locale.ENGLISH);

    /** A Gaussian layer split into 2^bits equal-count clusters, each at its members' mean. */
    private static LayerPreview preview(int bits) {
        float[] w = new float[N];
        Random r = new Random(7);
        for (int i = 0; i < N; i++) {
            w[i] = (float) (0.05 * r.nextGaussian());
        }
        float[] sorted = w.clone();
        java.util.Arrays.sort(sorted);
        int k = 1 << bits;
        float[] centroids = new float[k];
        long[] counts = new long[k];
        for (int c = 0; c < k; c++) {
            int from = c * N / k;
            int to = (c + 1) * N / k;
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += sorted[i];
            }
            centroids[c] = (float) (sum / (to - from));
            counts[c] = to - from;
        }
        return new LayerPreview("backbone.conv1.weight", bits, N, Histogram.of(w, LayerPreviews.BINS), centroids,
                counts, 0, 0);
    }

    private static double sum(XYDataset d) {
        double s = 0;
        for (int i = 0; i < d.getItemCount(0); i++) {
            s += d.getYValue(0, i);
        }
        return s;
    }

    @Test
    void bothPanelsShareTheWeightAxisAndCountInPercent() {
        WeightHistogramChart chart = new WeightHistogramChart(ENGLISH);
        chart.show(preview(2));
        CombinedDomainXYPlot combined = (CombinedDomainXYPlot) chart.chart().getPlot();
        assertEquals(2, combined.getSubplots().size());
        XYPlot before = chart.panel(WeightHistogramChart.FP32_PANEL);
        XYPlot after = chart.panel(WeightHistogramChart.QUANTIZED_PANEL);
        assertSame(combined.getDomainAxis(), before.getDomainAxis(), "one weight axis for both panels");
        assertSame(combined.getDomainAxis(), after.getDomainAxis());
        assertEquals(1, before.getRangeAxisCount(), "one y-axis per panel");
        assertEquals(LayerPreviews.BINS, before.getDataset(0).getItemCount(0));
        assertEquals(100, sum(before.getDataset(0)), 1e-6, "the fp32 bars hold every weight");
        assertEquals(4, after.getDataset(0).getItemCount(0), "2 bits: four values");
        assertEquals(100, sum(after.getDataset(0)), 1e-6, "the spikes hold every weight");
        assertEquals(25, after.getDataset(0).getYValue(0, 0), 1e-9);
        assertEquals(4, after.getDataset(1).getItemCount(0), "few values get a dot on top");
        assertTrue(before.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND) == null
                || before.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).isEmpty(), "no centroid lines");
    }

    @Test
    void eightBitsDrawsTwoHundredFiftySixSpikesWithoutLinesOrDots() {
        WeightHistogramChart chart = new WeightHistogramChart(ENGLISH);
        chart.show(preview(8));
        XYPlot after = chart.panel(WeightHistogramChart.QUANTIZED_PANEL);
        assertEquals(256, after.getDataset(0).getItemCount(0));
        assertEquals(0, after.getDataset(1).getSeriesCount(), "no dots when there are many values");
        assertTrue(after.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND) == null);
        assertTrue(chart.chart().getTitle().getText().contains("256"));
        chart.show(null);
        assertEquals(0, after.getDataset(0).getSeriesCount());
        assertFalse(chart.chart().getTitle().getText().contains("256"));
    }

    @Test
    void eachPanelNamesWhatItCountsInsideItInsteadOfTwoRotatedAxisLabels() {
        WeightHistogramChart chart = new WeightHistogramChart(ENGLISH);
        chart.show(preview(4));
        XYPlot before = chart.panel(WeightHistogramChart.FP32_PANEL);
        XYPlot after = chart.panel(WeightHistogramChart.QUANTIZED_PANEL);
        assertEquals(null, before.getRangeAxis().getLabel(), "a rotated label beside a short panel overlaps the other");
        assertEquals(null, after.getRangeAxis().getLabel());
        assertEquals(List.of(ENGLISH.t("kmeans.chart.yLeft")), titles(before));
        assertEquals(List.of(ENGLISH.t("kmeans.chart.yRight")), titles(after));
        assertEquals(List.of("fp32: % of weights per bin"), titles(before));
        Texts chinese = Texts.of(Locale.TRADITIONAL_CHINESE);
        assertEquals(List.of(chinese.t("kmeans.chart.yLeft")),
                titles(new WeightHistogramChart(chinese).panel(WeightHistogramChart.FP32_PANEL)));
    }

    private static List<String> titles(XYPlot p) {
        return p.getAnnotations().stream().filter(a -> a instanceof XYTitleAnnotation)
                .map(a -> ((TextTitle) ((XYTitleAnnotation) a).getTitle()).getText()).toList();
    }
}
