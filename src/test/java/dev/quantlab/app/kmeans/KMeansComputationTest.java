package dev.quantlab.app.kmeans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.quantlab.app.charts.Histogram;
import dev.quantlab.app.services.KMeansSettings;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggNet;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The computations behind the k-means tab, without the UI. */
class KMeansComputationTest {
    @Test
    void theLessonsDemoTensorKeepsMin2PowBits25DistinctValues() {
        DemoTensor demo = DemoTensor.load();
        assertEquals(25, DistinctValues.count(demo.values()));
        assertEquals(-0.3747f, demo.values()[0]);
        for (int bits = 1; bits <= 8; bits++) {
            DemoTensor.Quantized q = demo.quantize(bits, KMeansSettings.DEFAULT);
            assertEquals(Math.min(1 << bits, 25), q.distinctValues(), "bits " + bits);
        }
        DemoTensor.Quantized q2 = demo.quantize(2, KMeansSettings.DEFAULT);
        for (float c : q2.centroids()) { // each centroid is the mean of the values assigned to it
            double sum = 0;
            int n = 0;
            for (int i = 0; i < 25; i++) {
                if (q2.quantized()[i] == c) {
                    sum += q2.original()[i];
                    n++;
                }
            }
            assertEquals(sum / n, c, 1e-6);
        }
    }

    @Test
    void aLayerPreviewHasTheHistogramAndOneCountPerCentroid() {
        StateDict w = VggNet.initialWeights(3);
        LayerPreview p = new LayerPreviews(w, KMeansSettings.DEFAULT).compute(new LayerPreviews.Key("classifier.weight", 3));
        assertEquals(8, p.distinctValues());
        assertEquals(5120, p.weights());
        assertEquals(5120, Arrays.stream(p.counts()).sum());
        assertEquals(5120, Arrays.stream(p.histogram().counts()).sum());
        assertEquals(LayerPreviews.BINS, p.histogram().bins());
        assertTrue(p.mse() > 0);
    }

    @Test
    void histogramCoversTheRangeWithTheLargestValueInTheLastBin() {
        Histogram h = Histogram.of(new float[] {-1, 0, 0, 1}, 4);
        assertEquals(-1, h.min(), 1e-9);
        assertEquals(1, h.max(), 1e-9);
        assertEquals(1, h.counts()[0]);
        assertEquals(1, h.counts()[3]);
        assertEquals(0.5, h.binWidth(), 1e-9);
    }
}
