package dev.quantlab.mixed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accuracy with one layer quantized at a time (the rest fp32), for one method, on one set of test images.
 *
 * @param method      the quantization
 * @param images      how many test images each cell was measured on
 * @param fp32        accuracy of the fp32 model on those images, in percent
 * @param accuracies  per layer (architecture order), per bit-width, accuracy in percent
 */
public record SensitivityTable(WeightMethod method, int images, double fp32, Map<String, Map<Integer, Double>> accuracies) {

    /** Deep-copies the maps, keeping layer order and sorting bit-widths. */
    public SensitivityTable {
        Map<String, Map<Integer, Double>> copy = new LinkedHashMap<>();
        accuracies.forEach((layer, row) -> copy.put(layer, java.util.Collections.unmodifiableMap(new TreeMap<>(row))));
        accuracies = java.util.Collections.unmodifiableMap(copy);
    }

    /** The accuracy drop in points of quantizing {@code layer} at {@code bits}, or NaN if not measured. */
    public double drop(String layer, int bits) {
        Map<Integer, Double> row = accuracies.get(layer);
        Double a = row == null ? null : row.get(bits);
        return a == null ? Double.NaN : fp32 - a;
    }
}
