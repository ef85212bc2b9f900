package dev.quantlab.mixed;

import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggArchitecture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-layer sensitivity: each weight matrix quantized alone at each bit-width (the rest fp32), scored, and the
 * cells kept in a {@link SensitivityCache} so that reruns on the same model and images only measure what is new.
 * The fp32 model is never modified.
 */
public final class SensitivityAnalysis {
    private final StateDict fp32;
    private final String modelHash;
    private final ModelScorer scorer;
    private final int images;
    private final SensitivityCache cache;
    private final long seed;

    /**
     * @param fp32      the model
     * @param modelHash names the model in the cache ({@link ModelHash})
     * @param scorer    measures accuracy on {@code images} test images
     * @param images    the number of test images the scorer uses (part of the cache key)
     * @param cache     where cells are kept
     * @param seed      the k-means seed
     */
    public SensitivityAnalysis(StateDict fp32, String modelHash, ModelScorer scorer, int images, SensitivityCache cache,
                               long seed) {
        this.fp32 = fp32;
        this.modelHash = modelHash;
        this.scorer = scorer;
        this.images = images;
        this.cache = cache;
        this.seed = seed;
    }

    /** The fp32 accuracy on the same images (cached). */
    public double fp32Accuracy() {
        return cached(SensitivityCache.key(modelHash, "fp32", "fp32", 32, images), () -> scorer.accuracy(fp32));
    }

    /**
     * Measures (or reuses) every layer at every bit-width of {@code bits}.
     *
     * @param progress called after each cell: cells done, cells in all, a line saying the cell and its accuracy
     */
    public SensitivityTable run(WeightMethod method, List<Integer> bits, ProgressListener progress,
                                CancellationToken cancel) {
        bits.forEach(method::checkBits);
        double base = fp32Accuracy();
        List<VggArchitecture.TensorSpec> layers = VggArchitecture.cifarVgg().weightMatrices();
        Map<String, Map<Integer, Double>> acc = new LinkedHashMap<>();
        int total = layers.size() * bits.size();
        int done = 0;
        for (VggArchitecture.TensorSpec spec : layers) {
            Map<Integer, Double> row = new LinkedHashMap<>();
            for (int b : bits) {
                cancel.throwIfCancelled();
                String key = SensitivityCache.key(modelHash, methodKey(method), spec.name(), b, images);
                boolean had = cache.get(key).isPresent();
                double a = cached(key, () -> scorer.accuracy(method.apply(fp32, Map.of(spec.name(), b), seed)));
                row.put(b, a);
                progress.onProgress(++done, total, String.format(java.util.Locale.ROOT, "%s %d-bit: %.2f%%%s",
                        spec.name(), b, a, had ? " (cached)" : ""));
            }
            acc.put(spec.name(), row);
        }
        return new SensitivityTable(method, images, base, acc);
    }

    /** The fp32 accuracy if the cache holds it (nothing is measured). */
    public java.util.Optional<Double> cachedFp32() {
        return cache.get(SensitivityCache.key(modelHash, "fp32", "fp32", 32, images));
    }

    /**
     * The accuracy with only {@code layer} quantized at {@code bits}, if the cache holds it (nothing is measured):
     * what a viewer shows before, or while, {@link #run} measures the rest.
     */
    public java.util.Optional<Double> cachedAccuracy(WeightMethod method, String layer, int bits) {
        return cache.get(SensitivityCache.key(modelHash, methodKey(method), layer, bits, images));
    }

    private String methodKey(WeightMethod method) {
        return method == WeightMethod.KMEANS ? method.key() + ":seed" + seed : method.key();
    }

    private double cached(String key, java.util.function.DoubleSupplier measure) {
        return cache.get(key).orElseGet(() -> {
            double a = measure.getAsDouble();
            cache.put(key, a);
            return a;
        });
    }
}
