package dev.quantlab.app.kmeans;

import dev.quantlab.app.charts.Histogram;
import dev.quantlab.app.services.KMeansSettings;
import dev.quantlab.kmeans.KMeans1D;
import dev.quantlab.kmeans.KMeansResult;
import dev.quantlab.model.StateDict;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Computes {@link LayerPreview}s of one set of weights (worker threads); the fp32 histograms are kept. */
public final class LayerPreviews {
    /** Bins of the weight histograms. */
    public static final int BINS = 120;

    /** A layer and a bit-width: the key of the preview cache. */
    public record Key(String layer, int bits) {
        public Key {
            Objects.requireNonNull(layer);
        }
    }

    private final StateDict weights;
    private final KMeansSettings settings;
    private final Map<String, Histogram> histograms = new ConcurrentHashMap<>();

    public LayerPreviews(StateDict weights, KMeansSettings settings) {
        this.weights = weights;
        this.settings = settings;
    }

    public LayerPreview compute(Key key) {
        float[] values = weights.get(key.layer()).values();
        Histogram h = histograms.computeIfAbsent(key.layer(), l -> Histogram.of(values, BINS));
        long t0 = System.nanoTime();
        KMeansResult r = KMeans1D.cluster(values, key.bits(), settings.init(), settings.seed());
        long[] counts = new long[r.k()];
        for (int label : r.labels()) {
            counts[label]++;
        }
        return new LayerPreview(key.layer(), key.bits(), values.length, h, r.centroids().clone(), counts, r.mse(),
                (System.nanoTime() - t0) / 1e6);
    }
}
