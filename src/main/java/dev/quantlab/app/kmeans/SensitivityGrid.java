package dev.quantlab.app.kmeans;

import dev.quantlab.mixed.SensitivityAnalysis;
import dev.quantlab.mixed.WeightMethod;
import dev.quantlab.model.VggArchitecture;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sensitivity cells known so far: accuracy with only one layer k-means-quantized at one bit-width (the rest
 * fp32), on {@code images} test images. Immutable; a missing cell is not measured yet.
 *
 * @param layers     the weight matrices, in architecture order
 * @param bits       the bit-widths, ascending
 * @param images     test images per cell
 * @param fp32       the fp32 accuracy on the same images, NaN while not measured
 * @param accuracies per layer, per bit-width, accuracy in percent (only measured cells)
 */
public record SensitivityGrid(List<String> layers, List<Integer> bits, int images, double fp32,
                              Map<String, Map<Integer, Double>> accuracies) {
    public SensitivityGrid {
        layers = List.copyOf(layers);
        bits = List.copyOf(bits);
        Map<String, Map<Integer, Double>> copy = new LinkedHashMap<>();
        accuracies.forEach((l, row) -> copy.put(l, Collections.unmodifiableMap(new TreeMap<>(row))));
        accuracies = Collections.unmodifiableMap(copy);
    }

    /** No cell known. */
    static SensitivityGrid empty(List<Integer> bits, int images) {
        return new SensitivityGrid(weightMatrices(), bits, images, Double.NaN, Map.of());
    }

    /** The cells {@code analysis}' cache holds for k-means (nothing is measured). */
    static SensitivityGrid cached(SensitivityAnalysis analysis, List<Integer> bits, int images) {
        Map<String, Map<Integer, Double>> acc = new LinkedHashMap<>();
        for (String layer : weightMatrices()) {
            Map<Integer, Double> row = new TreeMap<>();
            for (int b : bits) {
                analysis.cachedAccuracy(WeightMethod.KMEANS, layer, b).ifPresent(a -> row.put(b, a));
            }
            acc.put(layer, row);
        }
        return new SensitivityGrid(weightMatrices(), bits, images, analysis.cachedFp32().orElse(Double.NaN), acc);
    }

    private static List<String> weightMatrices() {
        return VggArchitecture.cifarVgg().weightMatrices().stream().map(VggArchitecture.TensorSpec::name).toList();
    }

    /** The accuracy drop in points of quantizing {@code layer} alone at {@code bits}, or NaN if not known. */
    public double drop(String layer, int bits) {
        Double a = accuracies.getOrDefault(layer, Map.of()).get(bits);
        return a == null || Double.isNaN(fp32) ? Double.NaN : fp32 - a;
    }

    /** The layer's share of the model's parameters, 0..1 (its share of the size at 32 bits). */
    public static double share(String layer) {
        VggArchitecture arch = VggArchitecture.cifarVgg();
        return (double) arch.spec(layer).numel() / arch.parameterCount();
    }

    /** Cells not measured yet (the fp32 reference counts as one). */
    public int missing() {
        int known = accuracies.values().stream().mapToInt(Map::size).sum();
        return layers.size() * bits.size() - known + (Double.isNaN(fp32) ? 1 : 0);
    }

    /** The largest known drop (0 if none). */
    public double maxDrop() {
        double max = 0;
        for (String l : layers) {
            for (int b : bits) {
                double d = drop(l, b);
                if (!Double.isNaN(d)) {
                    max = Math.max(max, d);
                }
            }
        }
        return max;
    }
}
